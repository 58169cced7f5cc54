package dev.stratc.runtime.broker;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${NAME}} placeholders in configuration values, filled from environment variables. */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static volatile Function<String, String> environment = System::getenv;

    private Placeholders() {
    }

    /** Replaces every {@code ${NAME}}; fails naming the setting and the variable when one is unset. */
    public static String resolve(String value, String where) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String resolved = environment.apply(name);
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

    /** For tests: resolve from a map instead of the process environment. */
    public static void useEnvironment(Map<String, String> variables) {
        environment = variables::get;
    }

    public static void useProcessEnvironment() {
        environment = System::getenv;
    }
}
