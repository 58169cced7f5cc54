package dev.stratc.bench.indicators;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

import dev.stratc.indicators.averages.Ema;
import dev.stratc.indicators.averages.Sma;
import dev.stratc.indicators.momentum.Cci;
import dev.stratc.indicators.momentum.Macd;
import dev.stratc.indicators.momentum.Rsi;
import dev.stratc.indicators.momentum.StochK;
import dev.stratc.indicators.statistics.Highest;
import dev.stratc.indicators.trend.Adx;
import dev.stratc.indicators.trend.Atr;
import dev.stratc.indicators.trend.Bollinger;

/**
 * Nanoseconds per bar to evaluate one indicator over 1M bars in streaming order (bar 0, 1, 2, ...): ours
 * (update per bar) against ta4j 0.22.2 on a DoubleNum series of the same bars (a fresh indicator,
 * getValue per bar). Both read every output the indicator has (MACD: line, signal, histogram; Bollinger:
 * middle, upper, lower). Usual parameters: 20 bars, RSI/ATR/ADX/stoch 14, MACD 12/26/9, Bollinger 20/2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class IndicatorBenchmark {
    static final int BARS = 1_000_000;

    @Param({"sma", "ema", "rsi", "macd", "atr", "bollinger", "highest", "stoch_k", "cci", "adx"})
    public String indicator;

    /** Declared after the indicator so that JMH runs ours and ta4j's back to back for each indicator. */
    @Param({"stratc", "ta4j"})
    public String implementation;

    private RandomWalk bars;
    private BarSeries series;

    @Setup
    public void setUp() {
        bars = new RandomWalk(BARS, 42);
        series = "ta4j".equals(implementation) ? bars.toTa4j() : null;
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double streamBars() {
        return "ta4j".equals(implementation) ? ta4j() : stratc();
    }

    private double stratc() {
        double[] high = bars.high;
        double[] low = bars.low;
        double[] close = bars.close;
        int n = bars.size();
        double sum = 0;
        switch (indicator) {
            case "sma" -> {
                Sma sma = new Sma(20);
                for (int i = 0; i < n; i++) {
                    sum += sma.update(i, close[i]);
                }
            }
            case "ema" -> {
                Ema ema = new Ema(20);
                for (int i = 0; i < n; i++) {
                    sum += ema.update(i, close[i]);
                }
            }
            case "rsi" -> {
                Rsi rsi = new Rsi(14);
                for (int i = 0; i < n; i++) {
                    sum += rsi.update(i, close[i]);
                }
            }
            case "macd" -> {
                Macd macd = new Macd(12, 26, 9);
                for (int i = 0; i < n; i++) {
                    sum += macd.update(i, close[i]) + macd.signal() + macd.histogram();
                }
            }
            case "atr" -> {
                Atr atr = new Atr(14);
                for (int i = 0; i < n; i++) {
                    sum += atr.update(i, high[i], low[i], close[i]);
                }
            }
            case "bollinger" -> {
                Bollinger bollinger = new Bollinger(20, 2);
                for (int i = 0; i < n; i++) {
                    sum += bollinger.update(i, close[i]) + bollinger.upper() + bollinger.lower();
                }
            }
            case "highest" -> {
                Highest highest = new Highest(20);
                for (int i = 0; i < n; i++) {
                    sum += highest.update(i, high[i]);
                }
            }
            case "stoch_k" -> {
                StochK stochK = new StochK(14);
                for (int i = 0; i < n; i++) {
                    sum += stochK.update(i, high[i], low[i], close[i]);
                }
            }
            case "cci" -> {
                Cci cci = new Cci(20);
                for (int i = 0; i < n; i++) {
                    sum += cci.update(i, high[i], low[i], close[i]);
                }
            }
            case "adx" -> {
                Adx adx = new Adx(14, 14);
                for (int i = 0; i < n; i++) {
                    sum += adx.update(i, high[i], low[i], close[i]);
                }
            }
            default -> throw new IllegalArgumentException(indicator);
        }
        return sum;
    }

    private double ta4j() {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        Indicator<?>[] outputs = switch (indicator) {
            case "sma" -> new Indicator<?>[] {new SMAIndicator(close, 20)};
            case "ema" -> new Indicator<?>[] {new EMAIndicator(close, 20)};
            case "rsi" -> new Indicator<?>[] {new RSIIndicator(close, 14)};
            case "macd" -> {
                MACDIndicator macd = new MACDIndicator(close, 12, 26);
                EMAIndicator signal = macd.getSignalLine(9);
                yield new Indicator<?>[] {macd, signal, NumericIndicator.of(macd).minus(signal)};
            }
            case "atr" -> new Indicator<?>[] {new ATRIndicator(series, 14)};
            case "bollinger" -> {
                BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
                StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, 20);
                yield new Indicator<?>[] {middle, new BollingerBandsUpperIndicator(middle, deviation),
                    new BollingerBandsLowerIndicator(middle, deviation)};
            }
            case "highest" -> new Indicator<?>[] {new HighestValueIndicator(new HighPriceIndicator(series), 20)};
            case "stoch_k" -> new Indicator<?>[] {new StochasticOscillatorKIndicator(series, 14)};
            case "cci" -> new Indicator<?>[] {new CCIIndicator(series, 20)};
            case "adx" -> new Indicator<?>[] {new ADXIndicator(series, 14)};
            default -> throw new IllegalArgumentException(indicator);
        };
        double sum = 0;
        int n = series.getBarCount();
        for (int i = 0; i < n; i++) {
            for (Indicator<?> output : outputs) {
                sum += ((Num) output.getValue(i)).doubleValue();
            }
        }
        return sum;
    }
}
