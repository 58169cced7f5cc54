package dev.stratc.brokers.binance.stream;

import java.math.BigDecimal;

/** A {@code <symbol>@kline_<interval>} event: the candle so far, {@code closed} on its last update. */
public record KlineEvent(String symbol, String interval, long eventTime, long openTime, long closeTime,
        BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume, long trades,
        boolean closed) {
}
