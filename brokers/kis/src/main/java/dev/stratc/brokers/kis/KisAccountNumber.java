package dev.stratc.brokers.kis;

import java.util.regex.Pattern;

/**
 * A KIS account number in the "8-2" system: {@code CANO} (8 digits) and {@code ACNT_PRDT_CD} (2 digits, 01 for a
 * stock account). Its {@link #toString()} is masked, so no message or log shows the whole number.
 */
public record KisAccountNumber(String cano, String productCode) {

    private static final Pattern EIGHT_TWO = Pattern.compile("(\\d{8})-?(\\d{2})");

    public KisAccountNumber {
        if (cano == null || !cano.matches("\\d{8}") || productCode == null || !productCode.matches("\\d{2}")) {
            throw new IllegalArgumentException("a KIS account number is 8 digits and a 2-digit product code");
        }
    }

    /** What a number must look like, for messages. */
    public static final String EXPECTED = "8 digits, a dash and the 2-digit product code, such as 12345678-01";

    /** Parses {@code 12345678-01} or {@code 1234567801}; the refusal shows the text masked. */
    public static KisAccountNumber parse(String text) {
        String stripped = text == null ? "" : text.strip();
        var matcher = EIGHT_TWO.matcher(stripped);
        if (!matcher.matches()) {
            throw new IllegalArgumentException((stripped.isEmpty() ? "the account number is empty"
                    : "'" + KisMask.tail(stripped) + "' (" + stripped.length() + " characters, masked) is not a KIS"
                    + " account number") + "; expected " + EXPECTED);
        }
        return new KisAccountNumber(matcher.group(1), matcher.group(2));
    }

    /** The 10-digit form notices carry ({@code ACNT_NO}). */
    public String tenDigits() {
        return cano + productCode;
    }

    /** The number as KIS's web pages write it ({@code 12345678-01}); for requests, never for messages. */
    public String plain() {
        return cano + "-" + productCode;
    }

    /** Masked: {@code *******8-01}. */
    @Override
    public String toString() {
        return KisMask.tail(plain());
    }
}
