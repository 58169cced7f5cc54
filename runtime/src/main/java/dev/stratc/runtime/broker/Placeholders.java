package dev.stratc.runtime.broker;

import java.util.ArrayList;
import java.util.List;
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
                throw new UnsetVariableException(where, name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The variables {@code value} names that are not set (or empty), in order; none when it can be resolved. */
    public static List<String> unset(String value) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            String resolved = environment.apply(matcher.group(1));
            if (resolved == null || resolved.isEmpty()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /**
     * A setting names an environment variable that is not set: a mistake in the user's environment, never a
     * bug, so it is told apart from other failures and reported as bad input.
     */
    public static final class UnsetVariableException extends IllegalArgumentException {
        private final String variable;

        public UnsetVariableException(String where, String variable) {
            super(where + ": environment variable " + variable + " is not set (export it before starting stratc)");
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
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
