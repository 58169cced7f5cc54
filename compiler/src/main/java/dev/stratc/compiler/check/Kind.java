package dev.stratc.compiler.check;

import dev.stratc.indicators.catalog.ValueKind;

/** What an expression is, as the checker sees it: the value kinds of the catalogue plus the compiler's own. */
public enum Kind {
    NUMBER("a number"),
    PERCENT("a percent"),
    DURATION("a duration"),
    BOOLEAN("a condition"),
    STRING("text"),
    /** A signal's payload, {@code { key: value, … }}. */
    PAYLOAD("a payload { key: value }"),
    /** An order size: {@code calculate_position_size()}, {@code percent_of_equity(10%)}, … */
    QUANTITY("a quantity"),
    /** {@code select_best_account()}, {@code account("KIS_001")}. */
    ACCOUNT("an account"),
    /** Something already reported as wrong; no further diagnostics about it. */
    INVALID("an invalid value");

    private final String description;

    Kind(String description) {
        this.description = description;
    }

    /** For messages: "expected a number, found a condition". */
    public String description() {
        return description;
    }

    public boolean isNumeric() {
        return this == NUMBER || this == PERCENT || this == DURATION;
    }

    public static Kind of(ValueKind kind) {
        return switch (kind) {
            case NUMBER -> NUMBER;
            case PERCENT -> PERCENT;
            case DURATION -> DURATION;
            case BOOLEAN -> BOOLEAN;
            case STRING -> STRING;
        };
    }
}
