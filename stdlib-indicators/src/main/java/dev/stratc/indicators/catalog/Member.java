package dev.stratc.indicators.catalog;

/**
 * An output of a multi-output indicator, read as {@code macd(12, 26, 9).signal}.
 *
 * @param name     the member name in .strat
 * @param kind     its value kind
 * @param accessor the no-argument method of the implementation that returns it after {@code update}
 * @param doc      one sentence
 */
public record Member(String name, ValueKind kind, String accessor, String doc) {
}
