package dev.stratc.strategy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * How one run instantiates a strategy.
 *
 * @param overrides  parameter values that replace the source's ({@code -P name=value}, an optimiser's trial)
 * @param timeframe  the bar length of the run; converts duration windows ({@code price_change_percent(5m)})
 *                   to bars
 * @param zone       the exchange's time zone, for time-of-day conditions (Asia/Seoul for KRX, UTC for crypto)
 */
public record StrategySettings(Map<String, ParameterValue> overrides, Duration timeframe, ZoneId zone) {
    public StrategySettings {
        overrides = Map.copyOf(overrides);
    }

    public static StrategySettings defaults(Duration timeframe, ZoneId zone) {
        return new StrategySettings(Map.of(), timeframe, zone);
    }
}
