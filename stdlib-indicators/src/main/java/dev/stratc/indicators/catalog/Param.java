package dev.stratc.indicators.catalog;

import java.util.Objects;

/**
 * One declared parameter of a function.
 *
 * @param name         the name used for named arguments ({@code rsi(source: hl2, length: 14)})
 * @param kind         how the argument reaches the implementation
 * @param defaultValue the default as .strat source text ({@code "close"}, {@code "14"}, {@code "2.0"}), or
 *                     {@code null} when the argument is required
 * @param doc          one sentence for hover and {@code stratc functions}
 */
public record Param(String name, ParamKind kind, String defaultValue, String doc) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(doc, "doc");
    }

    public boolean required() {
        return defaultValue == null;
    }
}
