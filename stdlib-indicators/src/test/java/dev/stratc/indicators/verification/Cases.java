package dev.stratc.indicators.verification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.*;
import org.ta4j.core.indicators.adx.*;
import org.ta4j.core.indicators.averages.*;
import org.ta4j.core.indicators.bollinger.BollingerBandFacade;
import org.ta4j.core.indicators.candles.*;
import org.ta4j.core.indicators.donchian.*;
import org.ta4j.core.indicators.helpers.*;
import org.ta4j.core.indicators.keltner.*;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.*;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.indicators.volume.*;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.*;

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
                Case.of("wma", 1).on(CLOSE).ta4j(s -> new WMAIndicator(close(s), 1)),
                Case.of("wma", 10).on(CLOSE).ta4j(s -> new WMAIndicator(close(s), 10)),
                Case.of("wma", 100).on(CLOSE).ta4j(s -> new WMAIndicator(close(s), 100)),
                Case.of("hma", 9).on(CLOSE).ta4j(s -> new HMAIndicator(close(s), 9)),
                Case.of("hma", 20).on(CLOSE).ta4j(s -> new HMAIndicator(close(s), 20)),
                Case.of("dema", 10).on(CLOSE).ta4j(s -> new DoubleEMAIndicator(close(s), 10)),
                Case.of("tema", 10).on(CLOSE).ta4j(s -> new TripleEMAIndicator(close(s), 10)),
                Case.of("kama", 10, 2, 30).on(CLOSE).ta4j(s -> new KAMAIndicator(close(s), 10, 2, 30)),
                Case.of("kama", 5, 3, 20).on(CLOSE).ta4j(s -> new KAMAIndicator(close(s), 5, 3, 20)),
                Case.of("vwma", 20).on(CLOSE).ta4j(s -> new VWMAIndicator(close(s), 20)),
                Case.of("stoch_d", 14, 3).ta4j(s -> new StochasticOscillatorDIndicator(
                        new StochasticOscillatorKIndicator(s, 14))),
                Case.of("stoch_rsi", 14).on(CLOSE).ta4j(s -> new StochasticRSIIndicator(close(s), 14)),
                Case.of("stoch_rsi", 3).on(CLOSE).ta4j(s -> new StochasticRSIIndicator(close(s), 3)),
                Case.of("williams_r", 14).ta4j(s -> new WilliamsRIndicator(s, 14)),
                Case.of("roc", 12).on(CLOSE).ta4j(s -> new ROCIndicator(close(s), 12)),
                Case.of("momentum", 10).on(CLOSE)
                        .ta4j(s -> NumericIndicator.of(close(s)).minus(new PreviousValueIndicator(close(s), 10))),
                Case.of("change", 1).on(CLOSE)
                        .ta4j(s -> NumericIndicator.of(close(s)).minus(new PreviousValueIndicator(close(s), 1))),
                Case.of("mfi", 14).ta4j(s -> new MoneyFlowIndexIndicator(s, 14)),
                Case.of("mfi", 3).ta4j(s -> new MoneyFlowIndexIndicator(s, 3)),
                Case.of("keltner", 20, 2.0, 10).ta4j(s -> new KeltnerChannelMiddleIndicator(s, 20)),
                Case.of("keltner", 20, 2.0, 10).member("middle").ta4j(s -> new KeltnerChannelMiddleIndicator(s, 20)),
                Case.of("keltner", 20, 2.0, 10).member("upper")
                        .ta4j(s -> new KeltnerChannelUpperIndicator(new KeltnerChannelMiddleIndicator(s, 20), 2.0, 10)),
                Case.of("keltner", 10, 1.5, 30).member("lower")
                        .ta4j(s -> new KeltnerChannelLowerIndicator(new KeltnerChannelMiddleIndicator(s, 10), 1.5, 30)),
                Case.of("donchian", 20).ta4j(s -> new DonchianChannelMiddleIndicator(s, 20)),
                Case.of("donchian", 20).member("middle").ta4j(s -> new DonchianChannelMiddleIndicator(s, 20)),
                Case.of("donchian", 20).member("upper").ta4j(s -> new DonchianChannelUpperIndicator(s, 20)),
                Case.of("donchian", 20).member("lower").ta4j(s -> new DonchianChannelLowerIndicator(s, 20)),
                Case.of("supertrend", 10, 3.0).ta4j(s -> new SuperTrendIndicator(s, 10, 3.0)),
                Case.of("supertrend", 7, 2.0).ta4j(s -> new SuperTrendIndicator(s, 7, 2.0)),
                Case.of("supertrend", 10, 3.0).member("upper")
                        .ta4j(s -> new SuperTrendIndicator(s, 10, 3.0).getSuperTrendUpperBandIndicator()),
                Case.of("supertrend", 10, 3.0).member("lower")
                        .ta4j(s -> new SuperTrendIndicator(s, 10, 3.0).getSuperTrendLowerBandIndicator()),
                Case.of("supertrend", 10, 3.0).member("direction").ta4jValues(Cases::supertrendDirection),
                Case.of("parabolic_sar", 0.02, 0.02, 0.2).ta4j(ParabolicSarIndicator::new),
                Case.of("parabolic_sar", 0.01, 0.01, 0.1).ta4j(s -> new ParabolicSarIndicator(s,
                        s.numFactory().numOf(0.01), s.numFactory().numOf(0.1), s.numFactory().numOf(0.01))),
                Case.of("adx", 14, 14).ta4j(s -> new ADXIndicator(s, 14)),
                Case.of("adx", 7, 20).ta4j(s -> new ADXIndicator(s, 7, 20)),
                Case.of("plus_di", 14).ta4j(s -> new PlusDIIndicator(s, 14)),
                Case.of("minus_di", 14).ta4j(s -> new MinusDIIndicator(s, 14)),
                Case.of("obv").ta4j(OnBalanceVolumeIndicator::new),
                Case.of("rolling_vwap", 20).ta4j(s -> new VWAPIndicator(s, 20)),
                Case.of("vwap", "UTC").ta4jValues(s -> sessionVwap(s, ZoneOffset.UTC)),
                Case.of("vwap", "Asia/Seoul").ta4jValues(s -> sessionVwap(s, ZoneId.of("Asia/Seoul"))),
                Case.of("cmf", 20).ta4j(s -> new ChaikinMoneyFlowIndicator(s, 20)),
                Case.of("volume_ratio", 20).ta4j(s -> NumericIndicator.of(new VolumeIndicator(s))
                        .dividedBy(new SMAIndicator(new VolumeIndicator(s), 20))),
                Case.of("stdev", 20).on(CLOSE).ta4j(s -> new StandardDeviationIndicator(close(s), 20)),
                Case.of("variance", 20).on(CLOSE).ta4j(s -> new VarianceIndicator(close(s), 20)),
                Case.of("variance", 5).on(VOLUME).ta4j(s -> new VarianceIndicator(new VolumeIndicator(s), 5)),
                Case.of("zscore", 20).on(CLOSE).ta4j(s -> NumericIndicator.of(close(s))
                        .minus(new SMAIndicator(close(s), 20)).dividedBy(new StandardDeviationIndicator(close(s), 20))),
                Case.of("linreg_slope", 20).on(CLOSE).ta4j(s -> new SimpleLinearRegressionIndicator(close(s), 20,
                        SimpleLinearRegressionIndicator.SimpleLinearRegressionType.SLOPE)),
                Case.of("linreg_slope", 2).on(CLOSE).ta4j(s -> new SimpleLinearRegressionIndicator(close(s), 2,
                        SimpleLinearRegressionIndicator.SimpleLinearRegressionType.SLOPE)),
                Case.of("correlation", 20).on(CLOSE, VOLUME)
                        .ta4j(s -> new CorrelationCoefficientIndicator(close(s), new VolumeIndicator(s), 20)),
                Case.of("correlation", 50).on(HIGH, LOW).ta4j(s -> new CorrelationCoefficientIndicator(
                        new HighPriceIndicator(s), new LowPriceIndicator(s), 50)),
                Case.of("rising", 2).on(CLOSE).ta4jRule(s -> new IsRisingRule(close(s), 2)),
                Case.of("rising", 1).on(CLOSE).ta4jRule(s -> new IsRisingRule(close(s), 1)),
                Case.of("falling", 3).on(CLOSE).ta4jRule(s -> new IsFallingRule(close(s), 3)),
                Case.of("doji", 10, 0.03).ta4j(s -> new DojiIndicator(s, 10, 0.03)),
                Case.of("doji", 5, 0.3).ta4j(s -> new DojiIndicator(s, 5, 0.3)),
                Case.of("hammer", 2.0, 1.0).ta4j(HammerIndicator::new),
                Case.of("hammer", 1.0, 2.0).ta4j(s -> new HammerIndicator(s, 1.0, 2.0)),
                Case.of("bullish_engulfing").ta4j(BullishEngulfingIndicator::new),
                Case.of("bearish_engulfing").ta4j(BearishEngulfingIndicator::new),
                Case.of("bars_since").on(column("rising(close, 2)", s -> booleans(new IsRisingRule(close(s), 2))))
                        .withoutTa4j(),
                Case.of("trade_strength", 5).withoutTa4j(),
                Case.of("tick_size").on(CLOSE).withoutTa4j(),
                Case.of("upper_limit").on(CLOSE).withoutTa4j(),
                Case.of("lower_limit").on(CLOSE).withoutTa4j(),
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

    /** ta4j's trend test of its SuperTrendIndicator as our member's numbers: 1 up, -1 down, na otherwise. */
    private static IntFunction<Object> supertrendDirection(BarSeries series) {
        SuperTrendIndicator supertrend = new SuperTrendIndicator(series, 10, 3.0);
        return i -> series.numFactory().numOf(supertrend.isUpTrend(i) ? 1 : supertrend.isDownTrend(i) ? -1 : Double.NaN);
    }

    /**
     * Session VWAP from ta4j's rolling VWAPIndicator: at each bar, a window reaching back to the first bar of
     * its session (the calendar day in {@code zone} of the bar's last millisecond).
     */
    private static IntFunction<Object> sessionVwap(BarSeries series, ZoneId zone) {
        Map<Integer, VWAPIndicator> byLength = new HashMap<>();
        int[] sessionFirstBar = new int[series.getBarCount()];
        for (int i = 0; i < sessionFirstBar.length; i++) {
            sessionFirstBar[i] = i > 0 && day(series, i, zone).equals(day(series, i - 1, zone))
                    ? sessionFirstBar[i - 1] : i;
        }
        return i -> byLength.computeIfAbsent(i - sessionFirstBar[i] + 1, n -> new VWAPIndicator(series, n))
                .getValue(i);
    }

    private static LocalDate day(BarSeries series, int index, ZoneId zone) {
        return series.getBar(index).getEndTime().minusMillis(1).atZone(zone).toLocalDate();
    }

    private static Indicator<Boolean> booleans(Rule rule) {
        return new Indicator<>() {
            @Override
            public Boolean getValue(int index) {
                return rule.isSatisfied(index);
            }

            @Override
            public int getCountOfUnstableBars() {
                return 0;
            }

            @Override
            public BarSeries getBarSeries() {
                return null;
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
