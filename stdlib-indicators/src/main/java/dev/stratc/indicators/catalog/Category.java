package dev.stratc.indicators.catalog;

/** Sections of the catalogue, in the order {@code stratc functions} and docs/functions.md list them. */
public enum Category {
    AVERAGES("Moving averages"),
    MOMENTUM("Momentum"),
    TREND_VOLATILITY("Trend and volatility"),
    VOLUME("Volume"),
    STATISTICS("Statistics"),
    EVENTS("Events"),
    CANDLES("Candle patterns"),
    KOREAN_MARKET("Korean market"),
    UTILITY("Utilities"),
    ESCAPE_HATCH("Any ta4j indicator");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
