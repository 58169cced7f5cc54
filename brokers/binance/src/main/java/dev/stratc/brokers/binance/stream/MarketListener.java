package dev.stratc.brokers.binance.stream;

import dev.stratc.brokers.binance.rest.BookTicker;

/** Receives market events, each at most once, in the order Binance sent them per stream. */
public interface MarketListener {
    default void onTrade(TradeEvent trade) {
    }

    default void onKline(KlineEvent kline) {
    }

    default void onBookTicker(BookTicker ticker) {
    }

    /** No connection between these instants (epoch ms): fetch the klines of that span from REST if they matter. */
    default void onGap(long lostAtMillis, long resumedAtMillis) {
    }
}
