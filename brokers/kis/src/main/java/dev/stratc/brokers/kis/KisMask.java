package dev.stratc.brokers.kis;

/**
 * How account numbers and HTS IDs appear in messages and logs: only their last characters, enough for the owner to
 * tell which one is meant ({@code *******8-01}), never enough to use.
 */
public final class KisMask {

    private KisMask() {
    }

    /** The last 4 characters of a value of 8 or more, the last 2 of a shorter one, nothing of one under 4. */
    public static String tail(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int shown = value.length() >= 8 ? 4 : value.length() >= 4 ? 2 : 0;
        return "*".repeat(value.length() - shown) + value.substring(value.length() - shown);
    }
}
