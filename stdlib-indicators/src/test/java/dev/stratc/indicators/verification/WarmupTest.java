package dev.stratc.indicators.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Implementation;

/**
 * {@code warmup()} is what {@code warmup auto} waits for: once that many bars have passed, a price-fed
 * indicator is never na again on real data.
 */
class WarmupTest {

    static Stream<Case> cases() {
        return Cases.all().stream().filter(c -> c.member() == null)
                .filter(c -> c.spec().implementation() instanceof Implementation.Streaming)
                .filter(c -> c.series().stream().allMatch(column -> Cases.PRICES.contains(column.name())))
                .filter(c -> !c.spec().barInputs().contains(BarField.BUY_VOLUME)); // Apple has no trade sides
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noNaAfterTheWarmup(Case call) {
        MarketData.Bars data = MarketData.all().get(1); // Apple daily: no bar without range or volume
        BarSeries series = data.toTa4j();
        Object[][] arguments = call.series().stream().map(column -> column.values(series)).toArray(Object[][]::new);
        Invoker invoker = call.newInvoker();
        int warmup = invoker.warmup();
        assertThat(warmup).as(call + " warmup").isNotNegative();
        for (int i = 0; i < data.size(); i++) {
            Object[] args = new Object[arguments.length];
            for (int a = 0; a < args.length; a++) {
                args[a] = arguments[a][i];
            }
            Object value = invoker.update(i, data, i, args);
            if (i >= warmup && value instanceof Double number) {
                assertThat(number).as(call + " at bar " + i + ", warmup " + warmup).isNotNaN();
            }
        }
    }
}
