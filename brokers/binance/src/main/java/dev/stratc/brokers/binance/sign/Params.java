package dev.stratc.brokers.binance.sign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Request parameters in the order they are added, encoded once into the string that is both sent and signed.
 * Decimals are written plainly ({@code 0.0001}, never {@code 1E-4}); {@code null} values are left out.
 */
public final class Params {
    private final List<String[]> entries = new ArrayList<>();

    public static Params of() {
        return new Params();
    }

    public Params add(String name, Object value) {
        if (value != null) {
            entries.add(new String[] {name, render(value)});
        }
        return this;
    }

    public Params copy() {
        Params copy = new Params();
        copy.entries.addAll(entries);
        return copy;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** {@code name=value&...} with each value percent-encoded: the exact bytes that go on the wire. */
    public String encoded() {
        StringJoiner joined = new StringJoiner("&");
        for (String[] entry : entries) {
            joined.add(entry[0] + "=" + PercentEncoding.encode(entry[1]));
        }
        return joined.toString();
    }

    private static String render(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            throw new IllegalArgumentException("binary floating point is not sent to Binance; use BigDecimal: " + value);
        }
        return value.toString();
    }
}
