package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.korea.KrxPrices;
import dev.stratc.indicators.korea.TradeStrength;

/** Helpers for the Korean stock market (KRX rules, KIS data). */
public final class KoreanMarket {
    private static final Category KOREA = Category.KOREAN_MARKET;

    private KoreanMarket() {
    }

    public static List<FunctionSpec> functions() {
        return List.of(
                fn("tick_size", KOREA).series("price", "close", "The price in KRW.")
                        .pure(KrxPrices.class, "tickSize")
                        .doc("The KRX tick size (호가단위) for a stock at this price: 1 KRW below 2,000, then 5, 10, "
                                + "50, 100, 500 and 1,000 KRW from 500,000 (the table since 2023-01-25). ETFs and "
                                + "ETNs trade in 5 KRW ticks. na for a price that is not positive.",
                                "ask_price - bid_price <= tick_size(close)"),
                fn("upper_limit", KOREA).series("base", null, "The base price (기준가), usually the previous "
                                + "session's close.")
                        .pure(KrxPrices.class, "upperLimit")
                        .doc("The daily upper price limit (상한가): base + 30 %, rounded down to a valid tick.",
                                "high >= upper_limit(close[1])"),
                fn("lower_limit", KOREA).series("base", null, "The base price (기준가), usually the previous "
                                + "session's close.")
                        .pure(KrxPrices.class, "lowerLimit")
                        .doc("The daily lower price limit (하한가): base - 30 %, rounded up to a valid tick.",
                                "low <= lower_limit(close[1])"),
                fn("trade_strength", KOREA).length("length", "1", "The number of bars.")
                        .reads(BarField.BUY_VOLUME, BarField.SELL_VOLUME)
                        .streaming(TradeStrength.class)
                        .doc("체결강도: volume bought at the ask / volume sold at the bid over `length` bars, "
                                + "times 100; above 100 buyers are more aggressive. Needs tick data with trade "
                                + "sides (KIS real-time executions); na without it and while nothing was sold.",
                                "trade_strength(5) > 150"));
    }
}
