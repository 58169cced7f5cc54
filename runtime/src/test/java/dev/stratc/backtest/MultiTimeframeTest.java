package dev.stratc.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.data.Bars;
import dev.stratc.data.CsvBarReader;
import dev.stratc.data.Market;
import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.Signal;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.SymbolStrategy;

/**
 * {@code expression @ timeframe} on real data (examples/data/btcusd-bitstamp-5m.csv, 1,916 five-minute bars over
 * about six and a half days): the value at every bar is the expression on the last completed higher bar, never
 * on one still forming; the higher bars are built from the strategy's own; and indicators on them give what
 * ta4j gives on the same hourly and daily series.
 */
class MultiTimeframeTest {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;
    private static final String PROBE = """
            strategy("Higher", timeframe: 5m, warmup: 0) {
              scan {
                signal("V", { hour_close: close @ 1h, hour_high: high @ 1h, hour_ema: ema(close, 20) @ 1h,
                              day_sma: sma(close, 3) @ 1d, hour_up: close > open @ 1h,
                              previous_hour_close: close[1] @ 1h })
              }
            }
            """;

    private static Bars bitstamp() {
        return CsvBarReader.read(Ta4jEquivalenceTest.BITSTAMP,
                dev.stratc.data.ReadOptions.defaults(Market.GENERIC).withSymbol("BTCUSD")).bars();
    }

    @Test
    void everyBarSeesTheLastCompletedHourAndNeverTheOneForming() {
        Bars bars = bitstamp();
        List<Map<String, Object>> values = run(PROBE, bars, bars.size());
        int checked = 0;
        for (int i = 0; i < bars.size(); i++) {
            // by hand: the hour that ended last, at or before this bar's end, and the 5-minute bars in it
            long hourEnd = Math.floorDiv(bars.time(i), HOUR) * HOUR;
            int last = lastEndingAtOrBefore(bars, i, hourEnd);
            Map<String, Object> value = values.get(i);
            if (last < 0 || bars.time(last) <= hourEnd - HOUR) {
                assertThat((Double) value.get("hour_close")).as("bar %d: no completed hour yet", i).isNaN();
                continue;
            }
            int first = last;
            while (first > 0 && bars.time(first - 1) > hourEnd - HOUR) {
                first--;
            }
            double high = Double.NEGATIVE_INFINITY;
            for (int j = first; j <= last; j++) {
                high = Math.max(high, bars.high(j));
            }
            assertThat(value.get("hour_close")).as("bar %d", i).isEqualTo(bars.close(last));
            assertThat(value.get("hour_high")).as("bar %d", i).isEqualTo(high);
            assertThat(value.get("hour_up")).as("bar %d", i).isEqualTo(bars.close(last) > bars.open(first));
            checked++;
        }
        assertThat(checked).isGreaterThan(1_800);
        // One bar by hand: the 5-minute bar ending 10:05 sees the hour that closed at 10:00, not 10:00-11:00.
        int at = indexEnding(bars, bars.time(0) - Math.floorMod(bars.time(0), HOUR) + 24 * HOUR + 5 * 60_000L);
        assertThat(values.get(at).get("hour_close")).isEqualTo(bars.close(at - 1));
        assertThat(values.get(at).get("hour_close")).isNotEqualTo(bars.close(at));
    }

    @Test
    void valuesUpToABarDoNotDependOnTheBarsAfterIt() {
        Bars bars = bitstamp();
        List<Map<String, Object>> whole = run(PROBE, bars, bars.size());
        for (int cut : new int[] {100, 731, 1_203, 1_500}) {
            List<Map<String, Object>> truncated = run(PROBE, bars, cut);
            assertThat(truncated).as("the first %d bars", cut).isEqualTo(whole.subList(0, cut));
        }
    }

    @Test
    void indicatorsOnHigherBarsMatchTa4jOnTheHourlyAndDailySeries() {
        Bars bars = bitstamp();
        List<Map<String, Object>> values = run(PROBE, bars, bars.size());
        List<double[]> hours = aggregate(bars, HOUR);
        List<double[]> days = aggregate(bars, DAY);
        assertThat(days).hasSizeGreaterThanOrEqualTo(6);
        EMAIndicator ema = new EMAIndicator(new ClosePriceIndicator(series(hours, Duration.ofHours(1))), 20);
        SMAIndicator sma = new SMAIndicator(new ClosePriceIndicator(series(days, Duration.ofDays(1))), 3);
        int hourly = 0;
        int daily = 0;
        for (int i = 0; i < bars.size(); i++) {
            int hour = completedBefore(hours, bars.time(i));
            int day = completedBefore(days, bars.time(i));
            if (hour >= 19) {
                assertThat((Double) values.get(i).get("hour_ema")).as("bar %d, hour %d", i, hour)
                        .isCloseTo(ema.getValue(hour).doubleValue(), within(1e-9));
                assertThat(values.get(i).get("previous_hour_close")).isEqualTo(hours.get(hour - 1)[4]);
                hourly++;
            }
            if (day >= 2) {
                assertThat((Double) values.get(i).get("day_sma")).as("bar %d, day %d", i, day)
                        .isCloseTo(sma.getValue(day).doubleValue(), within(1e-9));
                daily++;
            }
        }
        assertThat(hourly).isGreaterThan(1_500);
        assertThat(daily).isGreaterThan(500);
    }

    /** The index of the last higher bar whose period ended at or before {@code time}, or -1. */
    private static int completedBefore(List<double[]> higher, long time) {
        int found = -1;
        for (int k = 0; k < higher.size() && higher.get(k)[0] <= time; k++) {
            found = k;
        }
        return found;
    }

    /** Higher bars by hand, {end, open, high, low, close, volume}: a bar belongs to the period its end falls in. */
    private static List<double[]> aggregate(Bars bars, long millis) {
        List<double[]> higher = new ArrayList<>();
        double[] current = null;
        for (int i = 0; i < bars.size(); i++) {
            long end = Math.floorDiv(bars.time(i) - 1, millis) * millis + millis;
            if (current == null || current[0] != end) {
                current = new double[] {end, bars.open(i), bars.high(i), bars.low(i), bars.close(i), 0};
                higher.add(current);
            }
            current[2] = Math.max(current[2], bars.high(i));
            current[3] = Math.min(current[3], bars.low(i));
            current[4] = bars.close(i);
            current[5] += bars.volume(i);
        }
        return higher;
    }

    private static BarSeries series(List<double[]> higher, Duration period) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        for (double[] bar : higher) {
            series.barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli((long) bar[0]))
                    .openPrice(bar[1]).highPrice(bar[2]).lowPrice(bar[3]).closePrice(bar[4]).volume(bar[5]).add();
        }
        return series;
    }

    private static int lastEndingAtOrBefore(Bars bars, int from, long time) {
        int j = from;
        while (j >= 0 && bars.time(j) > time) {
            j--;
        }
        return j;
    }

    private static int indexEnding(Bars bars, long time) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.time(i) == time) {
                return i;
            }
        }
        throw new AssertionError("no bar ends at " + Instant.ofEpochMilli(time));
    }

    /** The strategy over the first {@code count} bars, as the backtester drives it: one call per bar. */
    private static List<Map<String, Object>> run(String source, Bars bars, int count) {
        CompileResult compiled = StratCompiler.standard().compile(source, "higher.strat");
        assertThat(compiled.diagnostics()).isEmpty();
        SymbolStrategy strategy = compiled.program().newInstance("BTCUSD",
                new StrategySettings(Map.of(), Duration.ofMinutes(5), ZoneId.of("UTC")));
        List<Map<String, Object>> values = new ArrayList<>();
        ActionSink sink = new ActionSink() {
            public void signal(Signal signal) {
                values.add(signal.payload());
            }

            public void order(OrderRequest order) {
            }

            public void log(String symbol, long time, String message) {
            }

            public void notify(String symbol, long time, String message) {
            }
        };
        for (int i = 0; i < count; i++) {
            strategy.onBar(new CsvBar(bars, i), Flat.INSTANCE, sink);
        }
        assertThat(values).hasSize(count);
        return values;
    }

    private record CsvBar(Bars bars, int index) implements BarView {
        public String symbol() {
            return bars.symbol();
        }

        public long time() {
            return bars.time(index);
        }

        public double open() {
            return bars.open(index);
        }

        public double high() {
            return bars.high(index);
        }

        public double low() {
            return bars.low(index);
        }

        public double close() {
            return bars.close(index);
        }

        public double volume() {
            return bars.volume(index);
        }

        public double bid() {
            return close();
        }

        public double ask() {
            return close();
        }

        public double buyVolume() {
            return Double.NaN;
        }

        public double sellVolume() {
            return Double.NaN;
        }
    }

    private enum Flat implements PositionView {
        INSTANCE;

        public double quantity() {
            return 0;
        }

        public double entryPrice() {
            return Double.NaN;
        }

        public long entryTime() {
            return Long.MIN_VALUE;
        }

        public int entryBar() {
            return -1;
        }
    }

    static {
        assertThat(ZoneOffset.UTC.getRules().isFixedOffset()).isTrue();
    }
}
