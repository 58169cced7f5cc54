package dev.stratc.runtime.broker;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The secret values this process has read from the environment (keys, secrets, account numbers, the HTS ID),
 * so that any message about to be shown can be cleaned of them: an adapter or a library may echo a value in an
 * error text, and the docs treat every one of them as a secret.
 */
public final class SecretValues {
    /** The settings whose values are secrets; {@code hts_id} too, as KIS keys execution notices by it. */
    private static final Pattern SECRET_KEY =
            Pattern.compile(".*(key|secret|token|password|passphrase|account_number|hts_id).*");
    /** Shorter values are too common to replace inside other text (a "P", a "01"). */
    private static final int SHORTEST = 4;
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private SecretValues() {
    }

    /** Whether a setting named {@code key} holds a secret. */
    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    /** Remembers a secret value to mask it wherever it shows up later. */
    public static void remember(String value) {
        if (value != null && value.strip().length() >= SHORTEST) {
            VALUES.add(value.strip());
        }
    }

    /** {@code text} with every remembered secret replaced by its masked form ({@link #mask(String)}). */
    public static String clean(String text) {
        if (text == null || VALUES.isEmpty()) {
            return text;
        }
        String out = text;
        // longest first, so a value that contains another is masked whole
        for (String value : VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(value, mask(value));
        }
        return out;
    }

    /**
     * Stars for all but the last characters: 4 of a value of 10 or more characters, 3 of 6 to 9, 2 of 4 or 5,
     * none of shorter ones. {@code 50012345-01} → {@code *******5-01}.
     */
    public static String mask(String value) {
        int keep = value.length() >= 10 ? 4 : value.length() >= 6 ? 3 : value.length() >= 4 ? 2 : 0;
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    /** For tests: forget every value. */
    public static void forget() {
        VALUES.clear();
    }
}
