package dev.stratc.indicators.verification;

import java.util.List;
import java.util.function.Function;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.MMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandFacade;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.ConstantIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import dev.stratc.indicators.verification.Case.Column;

/** Every call the verification runs: each catalogue function with typical and edge arguments. */
final class Cases {
    static final Column CLOSE = new Column("close", ClosePriceIndicator::new);
    static final Column HIGH = new Column("high", HighPriceIndicator::new);
    static final Column LOW = new Column("low", LowPriceIndicator::new);
    static final Column VOLUME = new Column("volume", VolumeIndicator::new);

    private Cases() {
    }

    static List<Case> all() {
        return List.of(
                Case.of("sma", 1).on(CLOSE).ta4j(s -> new SMAIndicator(close(s), 1)),
                Case.of("sma", 20).on(CLOSE).ta4j(s -> new SMAIndicator(close(s), 20)),
                Case.of("sma", 200).on(CLOSE).ta4j(s -> new SMAIndicator(close(s), 200)),
                Case.of("ema", 9).on(CLOSE).ta4j(s -> new EMAIndicator(close(s), 9)),
                Case.of("ema", 26).on(CLOSE).ta4j(s -> new EMAIndicator(close(s), 26)),
                Case.of("ema", 18).on(column("macd(close, 9, 26)", s -> new MACDIndicator(close(s), 9, 26)))
                        .ta4j(s -> new EMAIndicator(new MACDIndicator(close(s), 9, 26), 18)),
                Case.of("rma", 14).on(CLOSE).ta4j(s -> new MMAIndicator(close(s), 14)),
                Case.of("rsi", 2).on(CLOSE).ta4j(s -> new RSIIndicator(close(s), 2)),
                Case.of("rsi", 14).on(CLOSE).ta4j(s -> new RSIIndicator(close(s), 14)),
                Case.of("macd", 12, 26, 9).on(CLOSE).ta4j(s -> new MACDIndicator(close(s), 12, 26)),
                Case.of("macd", 12, 26, 9).on(CLOSE).member("line").ta4j(s -> new MACDIndicator(close(s), 12, 26)),
                Case.of("macd", 12, 26, 9).on(CLOSE).member("signal")
                        .ta4j(s -> new MACDIndicator(close(s), 12, 26).getSignalLine(9)),
                Case.of("macd", 12, 26, 9).on(CLOSE).member("histogram")
                        .ta4j(s -> new MACDIndicator(close(s), 12, 26).getHistogram(9)),
                Case.of("macd", 9, 26, 30).on(CLOSE).member("signal")
                        .ta4j(s -> new MACDIndicator(close(s), 9, 26).getSignalLine(30)),
                Case.of("stoch_k", 14).ta4j(s -> new StochasticOscillatorKIndicator(s, 14)),
                Case.of("stoch_k", 1).ta4j(s -> new StochasticOscillatorKIndicator(s, 1)),
                Case.of("cci", 5).ta4j(s -> new CCIIndicator(s, 5)),
                Case.of("cci", 20).ta4j(s -> new CCIIndicator(s, 20)),
                Case.of("cci", 200).ta4j(s -> new CCIIndicator(s, 200)),
                Case.of("price_change_percent", 12).on(CLOSE).naUntil(12)
                        .ta4j(s -> new ROCIndicator(close(s), 12)),
                Case.of("price_change_percent", 1).on(CLOSE).naUntil(1).ta4j(s -> new ROCIndicator(close(s), 1)),
                Case.of("atr", 14).ta4j(s -> new ATRIndicator(s, 14)),
                Case.of("atr", 1).ta4j(s -> new ATRIndicator(s, 1)),
                Case.of("true_range").ta4j(TRIndicator::new),
                Case.of("bollinger", 20, 2.0).on(CLOSE).ta4j(s -> bollinger(s, 20, 2).middle()),
                Case.of("bollinger", 20, 2.0).on(CLOSE).member("upper").ta4j(s -> bollinger(s, 20, 2).upper()),
                Case.of("bollinger", 20, 2.0).on(CLOSE).member("middle").ta4j(s -> bollinger(s, 20, 2).middle()),
                Case.of("bollinger", 20, 2.0).on(CLOSE).member("lower").ta4j(s -> bollinger(s, 20, 2).lower()),
                Case.of("bollinger", 20, 2.0).on(CLOSE).member("width").ta4j(s -> bollinger(s, 20, 2).bandwidth()),
                Case.of("bollinger", 20, 2.0).on(CLOSE).member("percent_b")
                        .ta4j(s -> bollinger(s, 20, 2).percentB()),
                Case.of("bollinger", 50, 2.5).on(CLOSE).member("upper").ta4j(s -> bollinger(s, 50, 2.5).upper()),
                Case.of("average_volume", 20).ta4j(s -> new SMAIndicator(new VolumeIndicator(s), 20)),
                Case.of("highest", 14).on(HIGH).ta4j(s -> new HighestValueIndicator(new HighPriceIndicator(s), 14)),
                Case.of("highest", 2016).on(HIGH)
                        .ta4j(s -> new HighestValueIndicator(new HighPriceIndicator(s), 2016)),
                Case.of("highest", 5).on(CLOSE).ta4j(s -> new HighestValueIndicator(close(s), 5)),
                Case.of("lowest", 14).on(LOW).ta4j(s -> new LowestValueIndicator(new LowPriceIndicator(s), 14)),
                Case.of("lowest", 2016).on(LOW).ta4j(s -> new LowestValueIndicator(new LowPriceIndicator(s), 2016)),
                Case.of("crosses_above").on(CLOSE, column("ema(close, 20)", s -> new EMAIndicator(close(s), 20)))
                        .ta4jRule(s -> new CrossedUpIndicatorRule(close(s), new EMAIndicator(close(s), 20))),
                Case.of("crosses_below").on(CLOSE, column("ema(close, 20)", s -> new EMAIndicator(close(s), 20)))
                        .ta4jRule(s -> new CrossedDownIndicatorRule(close(s), new EMAIndicator(close(s), 20))),
                Case.of("crosses_above").on(column("rsi(close, 2)", s -> new RSIIndicator(close(s), 2)), constant(95))
                        .ta4jRule(s -> new CrossedUpIndicatorRule(new RSIIndicator(close(s), 2), 95)),
                Case.of("crosses_below").on(column("rsi(close, 2)", s -> new RSIIndicator(close(s), 2)), constant(5))
                        .ta4jRule(s -> new CrossedDownIndicatorRule(new RSIIndicator(close(s), 2), 5)),
                Case.of("crosses_above").on(ROUNDED_CLOSE, ROUNDED_SMA)
                        .ta4jRule(s -> new CrossedUpIndicatorRule(roundedTo10(close(s)),
                                roundedTo10(new SMAIndicator(close(s), 10)))),
                Case.of("crosses_below").on(ROUNDED_CLOSE, ROUNDED_SMA)
                        .ta4jRule(s -> new CrossedDownIndicatorRule(roundedTo10(close(s)),
                                roundedTo10(new SMAIndicator(close(s), 10)))));
    }

    /** Series rounded to 10 sit exactly on each other for runs of bars: the cross rule's look-back matters. */
    private static final Column ROUNDED_CLOSE = column("round10(close)", s -> roundedTo10(close(s)));
    private static final Column ROUNDED_SMA = column("round10(sma(close, 10))",
            s -> roundedTo10(new SMAIndicator(close(s), 10)));

    private static Indicator<Num> roundedTo10(Indicator<Num> source) {
        return new CachedIndicator<>(source) {
            @Override
            protected Num calculate(int index) {
                double value = source.getValue(index).doubleValue();
                return getBarSeries().numFactory().numOf(Math.round(value / 10) * 10.0);
            }

            @Override
            public int getCountOfUnstableBars() {
                return 0;
            }
        };
    }

    static ClosePriceIndicator close(BarSeries series) {
        return new ClosePriceIndicator(series);
    }

    static Column column(String name, Function<BarSeries, Indicator<?>> indicator) {
        return new Column(name, indicator);
    }

    static Column constant(double value) {
        return new Column(String.valueOf(value),
                s -> new ConstantIndicator<Num>(s, s.numFactory().numOf(value)));
    }

    private static BollingerBandFacade bollinger(BarSeries series, int length, double k) {
        return new BollingerBandFacade(close(series), length, k);
    }
}
