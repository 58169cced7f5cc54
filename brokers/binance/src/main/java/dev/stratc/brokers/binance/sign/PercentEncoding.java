package dev.stratc.brokers.binance.sign;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of parameter values: unreserved characters stay, every other UTF-8 byte becomes
 * {@code %XX} (upper case). Since 2026-01-15 Binance verifies the signature over this encoded form, so
 * {@code １２３４５６} is signed as {@code %EF%BC%91...}, exactly as it travels.
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
