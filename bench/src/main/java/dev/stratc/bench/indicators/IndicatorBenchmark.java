package dev.stratc.bench.indicators;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * ({@code <name>_stratc}: update per bar) against ta4j 0.22.2 ({@code <name>_ta4j}: a fresh indicator on a
 * DoubleNum series of the same bars, getValue per bar). The names sort so that JMH runs the two back to back.
 * Both read every output the indicator has (MACD: line, signal, histogram; Bollinger: middle, upper, lower).
 * Usual parameters: 20 bars, RSI/ATR/ADX/stochastic 14, MACD 12/26/9, Bollinger 20/2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(IndicatorBenchmark.BARS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class IndicatorBenchmark {
    static final int BARS = 1_000_000;

    private double[] high;
    private double[] low;
    private double[] close;
    private BarSeries series;
    private ClosePriceIndicator closePrice;

    @Setup
    public void setUp() {
        RandomWalk bars = new RandomWalk(BARS, 42);
        high = bars.high;
        low = bars.low;
        close = bars.close;
        series = bars.toTa4j();
        closePrice = new ClosePriceIndicator(series);
    }

    @Benchmark
    public double sma_stratc() {
        Sma sma = new Sma(20);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += sma.update(i, close[i]);
        }
        return sum;
    }

    @Benchmark
    public double sma_ta4j() {
        return stream(new SMAIndicator(closePrice, 20));
    }

    @Benchmark
    public double ema_stratc() {
        Ema ema = new Ema(20);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += ema.update(i, close[i]);
        }
        return sum;
    }

    @Benchmark
    public double ema_ta4j() {
        return stream(new EMAIndicator(closePrice, 20));
    }

    @Benchmark
    public double rsi_stratc() {
        Rsi rsi = new Rsi(14);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += rsi.update(i, close[i]);
        }
        return sum;
    }

    @Benchmark
    public double rsi_ta4j() {
        return stream(new RSIIndicator(closePrice, 14));
    }

    @Benchmark
    public double macd_stratc() {
        Macd macd = new Macd(12, 26, 9);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += macd.update(i, close[i]) + macd.signal() + macd.histogram();
        }
        return sum;
    }

    @Benchmark
    public double macd_ta4j() {
        MACDIndicator macd = new MACDIndicator(closePrice, 12, 26);
        EMAIndicator signal = macd.getSignalLine(9);
        return stream(macd, signal, NumericIndicator.of(macd).minus(signal));
    }

    @Benchmark
    public double atr_stratc() {
        Atr atr = new Atr(14);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += atr.update(i, high[i], low[i], close[i]);
        }
        return sum;
    }

    @Benchmark
    public double atr_ta4j() {
        return stream(new ATRIndicator(series, 14));
    }

    @Benchmark
    public double bollinger_stratc() {
        Bollinger bollinger = new Bollinger(20, 2);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += bollinger.update(i, close[i]) + bollinger.upper() + bollinger.lower();
        }
        return sum;
    }

    @Benchmark
    public double bollinger_ta4j() {
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(closePrice, 20));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(closePrice, 20);
        return stream(middle, new BollingerBandsUpperIndicator(middle, deviation),
                new BollingerBandsLowerIndicator(middle, deviation));
    }

    @Benchmark
    public double highest_stratc() {
        Highest highest = new Highest(20);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += highest.update(i, high[i]);
        }
        return sum;
    }

    @Benchmark
    public double highest_ta4j() {
        return stream(new HighestValueIndicator(new HighPriceIndicator(series), 20));
    }

    @Benchmark
    public double stochK_stratc() {
        StochK stochK = new StochK(14);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += stochK.update(i, high[i], low[i], close[i]);
        }
        return sum;
    }

    @Benchmark
    public double stochK_ta4j() {
        return stream(new StochasticOscillatorKIndicator(series, 14));
    }

    @Benchmark
    public double cci_stratc() {
        Cci cci = new Cci(20);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += cci.update(i, high[i], low[i], close[i]);
        }
        return sum;
    }

    @Benchmark
    public double cci_ta4j() {
        return stream(new CCIIndicator(series, 20));
    }

    @Benchmark
    public double adx_stratc() {
        Adx adx = new Adx(14, 14);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += adx.update(i, high[i], low[i], close[i]);
        }
        return sum;
    }

    @Benchmark
    public double adx_ta4j() {
        return stream(new ADXIndicator(series, 14));
    }

    /** ta4j's streaming order: every output at bar 0, then at bar 1, and so on. */
    private static double stream(Indicator<?>... outputs) {
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            for (Indicator<?> output : outputs) {
                sum += ((Num) output.getValue(i)).doubleValue();
            }
        }
        return sum;
    }
}
