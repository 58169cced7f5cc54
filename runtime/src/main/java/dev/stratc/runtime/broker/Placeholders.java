package dev.stratc.runtime.broker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${NAME}} placeholders in configuration values, filled from environment variables. */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Placeholders() {
    }

    /** Replaces every {@code ${NAME}}; fails naming the setting and the variable when one is unset. */
    public static String resolve(String value, String where) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String resolved = System.getenv(name);
            if (resolved == null || resolved.isEmpty()) {
                throw new IllegalArgumentException(where + ": environment variable " + name
                        + " is not set (export it before starting stratc)");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value.trim()).matches();
    }
}
