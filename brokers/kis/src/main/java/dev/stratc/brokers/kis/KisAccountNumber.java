package dev.stratc.brokers.kis;

import java.util.regex.Pattern;

/**
 * A KIS account number in the "8-2" system: {@code CANO} (8 digits) and {@code ACNT_PRDT_CD} (2 digits, 01 for a
 * stock account).
 */
public record KisAccountNumber(String cano, String productCode) {

    private static final Pattern EIGHT_TWO = Pattern.compile("(\\d{8})-?(\\d{2})");

    public KisAccountNumber {
        if (cano == null || !cano.matches("\\d{8}") || productCode == null || !productCode.matches("\\d{2}")) {
            throw new IllegalArgumentException("a KIS account number is 8 digits and a 2-digit product code");
        }
    }

    /** Parses {@code 12345678-01} or {@code 1234567801}. */
    public static KisAccountNumber parse(String text) {
        var matcher = EIGHT_TWO.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a KIS account number: expected 8 digits, a dash and the 2-digit product code"
                            + " (e.g. 12345678-01)");
        }
        return new KisAccountNumber(matcher.group(1), matcher.group(2));
    }

    /** The 10-digit form notices carry ({@code ACNT_NO}). */
    public String tenDigits() {
        return cano + productCode;
    }

    @Override
    public String toString() {
        return cano + "-" + productCode;
    }
}
