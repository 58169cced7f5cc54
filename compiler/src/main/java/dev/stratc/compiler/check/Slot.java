package dev.stratc.compiler.check;

import java.util.Set;

/**
 * One parameter of something callable, in the checker's terms.
 *
 * @param accepts     the kinds an argument may have
 * @param constant    whether the argument must be fixed when the strategy starts (a literal, a parameter)
 * @param defaultText the default as .strat source, or {@code null}
 * @param optional    whether it may be left out even without a default
 */
public record Slot(String name, Set<Kind> accepts, boolean constant, String defaultText, boolean optional,
                   String doc) {

    public Slot {
        accepts = Set.copyOf(accepts);
    }

    public boolean required() {
        return defaultText == null && !optional;
    }

    static Slot required(String name, Set<Kind> accepts, boolean constant, String doc) {
        return new Slot(name, accepts, constant, null, false, doc);
    }

    static Slot withDefault(String name, Set<Kind> accepts, boolean constant, String defaultText, String doc) {
        return new Slot(name, accepts, constant, defaultText, false, doc);
    }

    static Slot optional(String name, Set<Kind> accepts, boolean constant, String doc) {
        return new Slot(name, accepts, constant, null, true, doc);
    }
}
