package dev.stratc.compiler.diagnostics;

import java.util.Locale;

/**
 * The catalogue of everything the compiler can say. Codes are stable: scripts, tests, docs/diagnostics.md and the
 * editor refer to them, so a code is never reused for another meaning. Messages are format patterns.
 */
public enum DiagnosticCode {
    INTERNAL("S000", Severity.ERROR, "internal compiler error: %s"),
    SYNTAX("S001", Severity.ERROR, "%s"),
    UNTERMINATED("S002", Severity.ERROR, "unterminated %s"),
    UNKNOWN_CHARACTER("S003", Severity.ERROR, "unexpected character '%s'"),
    MALFORMED_NUMBER("S004", Severity.ERROR, "'%s' is not a number, a percent or a duration"),
    DUPLICATE_BLOCK("S005", Severity.ERROR, "the '%s' block is already defined"),
    DUPLICATE_NAME("S006", Severity.ERROR, "'%s' is already defined"),
    UNKNOWN_NAME("S007", Severity.ERROR, "unknown name '%s'"),
    UNKNOWN_FUNCTION("S008", Severity.ERROR, "unknown function '%s'"),
    ARGUMENT_COUNT("S009", Severity.ERROR, "%s"),
    UNKNOWN_ARGUMENT("S010", Severity.ERROR, "%s has no argument named '%s'"),
    DUPLICATE_ARGUMENT("S011", Severity.ERROR, "argument '%s' is given twice"),
    KIND_MISMATCH("S012", Severity.ERROR, "%s"),
    AMBIGUOUS_PERCENT("S013", Severity.ERROR, "%s"),
    DURATION_AS_NUMBER("S014", Severity.ERROR, "%s"),
    LOOKAHEAD("S015", Severity.ERROR, "'%s' would read the future: a history offset must be 0 or more"),
    OFFSET_NOT_CONSTANT("S016", Severity.ERROR,
            "a history offset must be a whole number known when the strategy starts: a number or a parameter"),
    SIGNAL_NEVER_EMITTED("S017", Severity.ERROR, "no scan emits the signal \"%s\""),
    WRONG_BLOCK("S018", Severity.ERROR, "%s"),
    UNKNOWN_MEMBER("S019", Severity.ERROR, "%s"),
    PARAMETER_NOT_LITERAL("S020", Severity.ERROR, "the value of parameter '%s' must be a literal"),
    NOT_CONSTANT("S021", Severity.ERROR, "%s"),
    UNKNOWN_OPTION("S022", Severity.ERROR, "unknown header option '%s'"),
    INVALID_OPTION("S023", Severity.ERROR, "%s"),
    UNKNOWN_SIGNAL_FIELD("S024", Severity.ERROR, "the signal \"%s\" has no field '%s'"),
    SIGNAL_OUTSIDE_ON("S025", Severity.ERROR, "'signal.%s' is only available inside 'on signal(\"…\") { … }'"),
    INVALID_ORDER("S026", Severity.ERROR, "%s"),
    SHORT_NOT_ALLOWED("S027", Severity.ERROR, "'sell' in entry would open a short position"),
    INVALID_LENGTH("S028", Severity.ERROR, "%s"),
    INVALID_SEARCH_SPACE("S029", Severity.ERROR, "%s"),
    NOT_AN_ACTION("S030", Severity.ERROR, "%s"),
    TOO_DEEP("S031", Severity.ERROR, "%s"),
    NOT_A_VALUE("S032", Severity.ERROR, "%s"),
    INVALID_TIME_OF_DAY("S033", Severity.ERROR, "'%s' is not a time of day"),
    EXPRESSION_TOO_DEEP("S034", Severity.ERROR, "this expression is %,d levels deep; an expression may be at most %,d"),
    TOO_MANY_STATEMENTS("S035", Severity.ERROR, "a strategy may have at most %,d statements; this is statement %,d"),
    TOO_LARGE("S036", Severity.ERROR, "the strategy is too large to compile: %s"),
    UNUSED_PARAMETER("W001", Severity.WARNING, "parameter '%s' is never used"),
    UNUSED_LET("W002", Severity.WARNING, "'%s' is defined but never used"),
    // Language v2: state and functions.
    NOT_ASSIGNABLE("S050", Severity.ERROR, "'%s' is not a var: only a var can be given a new value with :="),
    VAR_IN_INDICATOR("S051", Severity.ERROR, "%s"),
    RECURSIVE_FUNCTION("S052", Severity.ERROR, "'%s' calls itself (%s): a function is inlined where it is called"),
    UNUSED_FUNCTION("W010", Severity.WARNING, "function '%s' is never called"),
    // Language v2: multi-timeframe.
    INVALID_TIMEFRAME("S053", Severity.ERROR, "%s"),
    NOT_ON_TIMEFRAME("S054", Severity.ERROR, "'%s' cannot be read at another timeframe"),
    // Language v2: order types, stops at a price, pyramiding.
    INVALID_EXPIRY("S060", Severity.ERROR, "%s"),
    INVALID_STOP("S061", Severity.ERROR, "%s"),
    ONCE_MISPLACED("S062", Severity.ERROR, "%s");

    private final String code;
    private final Severity severity;
    private final String pattern;

    DiagnosticCode(String code, Severity severity, String pattern) {
        this.code = code;
        this.severity = severity;
        this.pattern = pattern;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** Whether the file could not be read as .strat at all (then it has no tree to check or format). */
    public boolean isSyntax() {
        return this == SYNTAX || this == UNTERMINATED || this == UNKNOWN_CHARACTER || this == MALFORMED_NUMBER
                || this == TOO_DEEP || this == EXPRESSION_TOO_DEEP;
    }

    public String format(Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
