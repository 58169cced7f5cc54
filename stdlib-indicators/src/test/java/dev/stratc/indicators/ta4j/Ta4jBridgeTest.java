package dev.stratc.indicators.ta4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.averages.KAMAIndicator;
import org.ta4j.core.indicators.candles.BullishEngulfingIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/** The escape hatch gives exactly what ta4j gives on the same bars, revisions included. */
class Ta4jBridgeTest {
    private static final double[] CLOSES = new double[300];

    static {
        double price = 100;
        for (int i = 0; i < CLOSES.length; i++) {
            price *= 1 + 0.01 * Math.sin(i * 0.7) + 0.003 * Math.cos(i * 2.3);
            CLOSES[i] = price;
        }
    }

    private static BarSeries reference() {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < CLOSES.length; i++) {
            double c = CLOSES[i];
            series.barBuilder().timePeriod(java.time.Duration.ofMinutes(1))
                    .endTime(java.time.Instant.ofEpochSecond(60L * (i + 1))).openPrice(open(i)).highPrice(c * 1.01)
                    .lowPrice(Math.min(open(i), c) * 0.99).closePrice(c).volume(1000 + i).amount(0).add();
        }
        return series;
    }

    private static double open(int i) {
        return i == 0 ? CLOSES[0] : CLOSES[i - 1];
    }

    private static double feed(Ta4jBridge bridge, int i, double close) {
        return bridge.update(i, 60_000L * (i + 1), open(i), close * 1.01, Math.min(open(i), close) * 0.99, close,
                1000 + i, close);
    }

    private static void assertSame(Ta4jBridge bridge, Indicator<?> expected, boolean revise) {
        for (int i = 0; i < CLOSES.length; i++) {
            if (revise) {
                feed(bridge, i, CLOSES[i] * 1.02);
                feed(bridge, i, CLOSES[i] * 0.97);
            }
            double actual = feed(bridge, i, CLOSES[i]);
            Object value = expected.getValue(i);
            double want = value instanceof Num num ? num.doubleValue() : (Boolean) value ? 1.0 : 0.0;
            assertThat(Double.compare(actual, want)).as("bar " + i + ": " + actual + " vs ta4j " + want).isZero();
        }
    }

    @Test
    void kamaBySimpleNameOnTheSource() {
        BarSeries series = reference();
        assertSame(new Ta4jBridge("KAMAIndicator", new double[] {10, 2, 30}),
                new KAMAIndicator(new ClosePriceIndicator(series), 10, 2, 30), false);
    }

    @Test
    void revisedBarsLeaveNoTrace() {
        BarSeries series = reference();
        assertSame(new Ta4jBridge("KAMA", new double[] {10, 2, 30}),
                new KAMAIndicator(new ClosePriceIndicator(series), 10, 2, 30), true);
    }

    @Test
    void seriesConstructorsAndBooleanIndicators() {
        BarSeries series = reference();
        assertSame(new Ta4jBridge("ATRIndicator", new double[] {14}), new ATRIndicator(series, 14), true);
        assertSame(new Ta4jBridge("org.ta4j.core.indicators.candles.BullishEngulfingIndicator", new double[0]),
                new BullishEngulfingIndicator(series), false);
    }

    @Test
    void explainsWhatDoesNotFit() {
        assertThatThrownBy(() -> new Ta4jBridge("NoSuchIndicator", new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'NoSuchIndicator'");
        assertThatThrownBy(() -> new Ta4jBridge("KAMAIndicator", new double[] {10, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 number(s)")
                .hasMessageContaining("(Indicator, int, int, int)");
        assertThatThrownBy(() -> new Ta4jBridge("KAMAIndicator", new double[] {10.5, 2, 30}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    }
}
