package dev.stratc.compiler.check;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names a Pine Script or freqtrade user writes out of habit, and what stratc calls them. The checker and the
 * parser's messages ask this table before the edit-distance suggestions, so {@code ta.rsi(close, 14)} is answered
 * with {@code rsi(close, 14)} rather than a bare syntax error. The page docs/coming-from-pine.md lists the same
 * table (a test keeps the two in step).
 */
public final class PineNames {
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    static {
        // Pine v5 ta.* (v4 used the bare names, also accepted below)
        fn("ta.sma", "sma(close, 20)");
        fn("ta.ema", "ema(close, 20)");
        fn("ta.rma", "rma(close, 14)");
        fn("ta.wma", "wma(close, 20)");
        fn("ta.hma", "hma(close, 20)");
        fn("ta.vwma", "vwma(close, 20)");
        fn("ta.rsi", "rsi(close, 14)");
        fn("ta.macd", "macd(close, 12, 26, 9) and its members .line, .signal, .histogram");
        fn("ta.stoch", "stoch_k(14) and stoch_d(14, 3)");
        fn("ta.cci", "cci(20)");
        fn("ta.roc", "roc(close, 10)");
        fn("ta.mom", "momentum(close, 10)");
        fn("ta.change", "change(close) or close - close[1]");
        fn("ta.mfi", "mfi(14)");
        fn("ta.wpr", "williams_r(14)");
        fn("ta.atr", "atr(14)");
        fn("ta.tr", "true_range()");
        fn("ta.bb", "let bb = bollinger(close, 20, 2), then bb.upper, bb.middle, bb.lower");
        fn("ta.kc", "keltner(20, 2) and its members .upper, .middle, .lower");
        fn("ta.supertrend", "supertrend(10, 3)");
        fn("ta.sar", "parabolic_sar()");
        fn("ta.dmi", "adx(14), plus_di(14), minus_di(14)");
        fn("ta.obv", "obv()");
        fn("ta.vwap", "vwap()");
        fn("ta.highest", "highest(high, 20)");
        fn("ta.lowest", "lowest(low, 20)");
        fn("ta.stdev", "stdev(close, 20)");
        fn("ta.variance", "variance(close, 20)");
        fn("ta.correlation", "correlation(close, volume, 20)");
        fn("ta.crossover", "crosses_above(fast, slow)");
        fn("ta.crossunder", "crosses_below(fast, slow)");
        fn("ta.cross", "crosses_above(a, b) or crosses_below(a, b)");
        fn("ta.rising", "rising(close, 3)");
        fn("ta.falling", "falling(close, 3)");
        fn("ta.barssince", "bars_since(condition)");
        fn("ta.valuewhen", "a var set in an if: var last = na, then if (condition) { last := close }");
        // Pine's strategy.* and inputs
        fn("strategy.entry", "buy(quantity: …) in the entry block (sell(…) opens a short with allow_short)");
        fn("strategy.order", "buy(…) or sell(…)");
        fn("strategy.exit", "stop_loss(2%), take_profit(4%), trailing_stop(1%) or time_stop(30m) in the exit block");
        fn("strategy.close", "sell(quantity: \"all\") in the exit block");
        fn("strategy.close_all", "sell(quantity: \"all\") in the exit block");
        fn("strategy.position_size", "position_quantity (has_position: whether one is open)");
        fn("strategy.position_avg_price", "entry_price");
        fn("strategy.openprofit", "position_pnl (position_profit_percent in percent)");
        fn("strategy.long", "buy(…)");
        fn("strategy.short", "sell(…) with allow_short");
        fn("input", "a parameter: parameters { length = 14 in 5..30 }");
        fn("input.int", "a parameter: parameters { length = 14 in 5..30 }");
        fn("input.float", "a parameter: parameters { threshold = 1.5 }");
        fn("input.bool", "a parameter: parameters { use_filter = true }");
        fn("request.security", "an expression at a higher timeframe: close > ema(close, 20) @ 1d");
        fn("security", "an expression at a higher timeframe: close > ema(close, 20) @ 1d");
        fn("iff", "cond ? a : b");
        fn("alert", "notify(\"…\") or log(\"…\")");
        fn("alertcondition", "notify(\"…\") in a when block");
        // Pine's [middle, upper, lower] = ta.bb(…) read as members of a name never bound
        fn("bb.upper", "let bb = bollinger(close, 20, 2) first, then bb.upper");
        fn("bb.lower", "let bb = bollinger(close, 20, 2) first, then bb.lower");
        fn("bb.middle", "let bb = bollinger(close, 20, 2) first, then bb.middle");
        fn("bb.basis", "let bb = bollinger(close, 20, 2) first, then bb.middle");
        // freqtrade's qtpylib and TA-Lib names
        fn("qtpylib.crossed_above", "crosses_above(fast, slow)");
        fn("qtpylib.crossed_below", "crosses_below(fast, slow)");
        fn("crossed_above", "crosses_above(fast, slow)");
        fn("crossed_below", "crosses_below(fast, slow)");
        fn("qtpylib.bollinger_bands", "let bb = bollinger(close, 20, 2), then bb.upper, bb.middle, bb.lower");
        fn("ta.bbands", "let bb = bollinger(close, 20, 2), then bb.upper, bb.middle, bb.lower");
        fn("ta.plus_di", "plus_di(14)");
        fn("ta.minus_di", "minus_di(14)");
        fn("ta.adx", "adx(14)");
        fn("ta.willr", "williams_r(14)");
        fn("ta.stochrsi", "stoch_rsi(close, 14)");
        fn("ta.stochf", "stoch_k(14)");
        fn("ta.linearreg_slope", "linreg_slope(close, 20)");
    }

    private static void fn(String name, String stratc) {
        TABLE.put(name, stratc);
        int dot = name.indexOf('.');
        // Pine v4 wrote crossover(…), sma(…): the bare name where stratc has another one
        if (name.startsWith("ta.")) {
            TABLE.putIfAbsent(name.substring(dot + 1), stratc);
        }
    }

    private PineNames() {
    }

    /** Every name of the table and its stratc form, in the order of docs/coming-from-pine.md. */
    public static Map<String, String> table() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }

    /**
     * The hint for a Pine or freqtrade name ({@code ta.rsi}, {@code crossover}, {@code strategy.entry},
     * {@code RSI}), or empty where stratc has the name itself or the table does not know it.
     */
    public static Optional<String> hint(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        String stratc = TABLE.get(key);
        if (stratc == null && key.startsWith("ta.")) {
            stratc = TABLE.get(key.substring(3));
        }
        if (stratc == null || stratc.startsWith(key + "(") && name.equals(key)) {
            return Optional.empty();
        }
        return Optional.of("in stratc: " + stratc + " (docs/coming-from-pine.md)");
    }
}
