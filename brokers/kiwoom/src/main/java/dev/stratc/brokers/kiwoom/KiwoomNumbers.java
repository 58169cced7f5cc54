package dev.stratc.brokers.kiwoom;

import java.math.BigDecimal;

/**
 * Kiwoom's encodings of numbers and codes, parsed in this one place (docs/brokers/kiwoom.md, "Encodings").
 *
 * <ul>
 *   <li>Every number is a string, often zero-padded: {@code "000000000000003"}, {@code "-00000000196888"}.</li>
 *   <li>On prices ({@code cur_prc}, {@code open_pric}, realtime {@code 10}, {@code 27}, {@code 28}...) the sign is
 *       the direction against the previous close, not a negative value: {@code "-78800"} is 78,800 won on a down
 *       day. {@link #price} drops it.</li>
 *   <li>On changes, rates and P&amp;L ({@code pred_pre}, {@code flu_rt}, {@code evltv_prft}) the sign is real;
 *       {@link #signed} keeps it. A doubled sign ({@code "--123"}) is the direction sign in front of a real one:
 *       its value is the second sign's.</li>
 *   <li>Stock codes may carry a leading {@code A} ({@code "A005930"}) or an exchange suffix
 *       ({@code 005930_NX}, {@code 005930_AL}); {@link #code} gives the six-character KRX code.</li>
 * </ul>
 * An empty or blank string is 0 (the servers send {@code ""} for a market order's price).
 */
public final class KiwoomNumbers {

    private KiwoomNumbers() {
    }

    /** A price whose sign is a direction: its absolute value. */
    public static BigDecimal price(String text) {
        return signed(text).abs();
    }

    /** A price as a double (won; stock prices are whole won). */
    public static double priceValue(String text) {
        return price(text).doubleValue();
    }

    /** A number whose sign is real. {@code "+600"} is 600, {@code "-52.71"} is -52.71, {@code "--123"} -123. */
    public static BigDecimal signed(String text) {
        if (text == null) {
            return BigDecimal.ZERO;
        }
        String s = text.strip().replace(",", "");
        if (s.isEmpty()) {
            return BigDecimal.ZERO;
        }
        // a doubled sign: the first is the direction, the second the value's own
        if (s.length() > 1 && isSign(s.charAt(0)) && isSign(s.charAt(1))) {
            s = s.substring(1);
        }
        boolean negative = s.charAt(0) == '-';
        if (isSign(s.charAt(0))) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal value = new BigDecimal(s);
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            throw new KiwoomException("Kiwoom sent '" + text + "' where a number belongs");
        }
    }

    /** A zero-padded count (shares, quantities); its sign, if any, is real. */
    public static long quantity(String text) {
        return signed(text).longValueExact();
    }

    /** Which way a signed price moved: +1 up, -1 down, 0 unchanged or unsigned. */
    public static int direction(String text) {
        String s = text == null ? "" : text.strip();
        return s.startsWith("+") ? 1 : s.startsWith("-") ? -1 : 0;
    }

    /** The KRX code of {@code A005930}, {@code 005930_NX}, {@code 005930_AL} or {@code 005930}. */
    public static String code(String text) {
        String s = text == null ? "" : text.strip();
        int suffix = s.indexOf('_');
        if (suffix > 0) {
            s = s.substring(0, suffix);
        }
        if (s.length() == 7 && (s.charAt(0) == 'A' || s.charAt(0) == 'a')) {
            s = s.substring(1);
        }
        return s.toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether {@code code} is a six-character KRX code (digits, or digits and capitals since 2024's listings). */
    public static boolean isKrxCode(String code) {
        return code != null && code.matches("[0-9][0-9A-Z]{4}[0-9A-Z]");
    }

    /** An order number as Kiwoom prints it ({@code "0000138"}): kept a string, without blanks. */
    public static String orderNo(String text) {
        return text == null ? "" : text.strip();
    }

    /** A whole number the way every request body wants it: a plain string ({@code "10"}). */
    public static String text(long value) {
        return Long.toString(value);
    }

    /** A price for a request body: whole won, no sign, no padding. */
    public static String text(BigDecimal price) {
        return price.stripTrailingZeros().toPlainString();
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-';
    }
}
