package dev.stratc.brokers.kis.symbols;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * KRX short codes as KIS inputs want them: six characters that may contain letters (new listings since 2024-01-01
 * put a letter in the sixth place), never numbers (leading zeros matter). Accepts the forms users and other KIS
 * outputs carry: {@code A005930}, {@code 00000A357880} (12-character padded), lower case.
 */
public final class KrxSymbol {

    private static final Pattern SHORT_CODE = Pattern.compile("[0-9A-Z]{6}");
    private static final Pattern ETN_CODE = Pattern.compile("Q[0-9A-Z]{6}");

    private KrxSymbol() {
    }

    /** The 6-character code (or {@code Q} + 6 for an ETN), or an exception naming the bad input. */
    public static String normalize(String symbol) {
        String code = symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 12 && code.startsWith("00000")) {
            code = code.substring(5);
        }
        if (code.length() == 7 && code.startsWith("A")) {
            code = code.substring(1);
        }
        if (SHORT_CODE.matcher(code).matches() || ETN_CODE.matcher(code).matches()) {
            return code;
        }
        throw new IllegalArgumentException("'" + symbol + "' is not a KRX code: expected 6 characters such as 005930"
                + " (an 'A' prefix is accepted), or Q and 6 characters for an ETN");
    }

    public static boolean isValid(String symbol) {
        try {
            normalize(symbol);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
