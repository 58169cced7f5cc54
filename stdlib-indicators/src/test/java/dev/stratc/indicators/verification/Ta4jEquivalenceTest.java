package dev.stratc.indicators.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.num.Num;

/**
 * Each catalogue function equals its ta4j 0.22.2 counterpart, computed on a DoubleNum series, on every bar of
 * the three real data sets: the same na pattern, booleans equal, numbers within 1e-9 relative (relative to
 * the larger magnitude, or absolute below 1, where values cross zero).
 */
class Ta4jEquivalenceTest {
    static final double TOLERANCE = 1e-9;

    static Stream<Arguments> cases() {
        return MarketData.all().stream().flatMap(data -> Cases.all().stream()
                .filter(c -> c.reference() != null)
                .map(c -> Arguments.of(c, data)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void equalsTa4j(Case call, MarketData.Bars data) {
        BarSeries series = data.toTa4j();
        Object[][] arguments = call.series().stream().map(column -> column.values(series)).toArray(Object[][]::new);
        IntFunction<Object> reference = call.reference().apply(series);
        Invoker ours = call.newInvoker();
        for (int i = 0; i < data.size(); i++) {
            Object[] args = new Object[arguments.length];
            for (int a = 0; a < args.length; a++) {
                args[a] = arguments[a][i];
            }
            Object actual = call.read(ours, ours.update(i, data, i, args));
            Object expected = reference.apply(i);
            String where = call + " on " + data + " at bar " + i;
            if (i < call.naUntil()) {
                assertThat((double) actual).as(where + " (na by design before " + call.naUntil() + ")").isNaN();
            } else if (expected instanceof Boolean condition) {
                assertThat(actual).as(where).isEqualTo(condition);
            } else {
                assertClose(where, (double) actual, ((Num) expected).doubleValue());
            }
        }
    }

    static void assertClose(String where, double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertThat(Double.isNaN(actual)).as(where + ": na pattern, ours " + actual + ", ta4j " + expected)
                    .isEqualTo(Double.isNaN(expected));
            return;
        }
        double scale = Math.max(1.0, Math.max(Math.abs(actual), Math.abs(expected)));
        assertThat(Math.abs(actual - expected)).as(where + ": ours " + actual + ", ta4j " + expected)
                .isLessThanOrEqualTo(TOLERANCE * scale);
    }
}
