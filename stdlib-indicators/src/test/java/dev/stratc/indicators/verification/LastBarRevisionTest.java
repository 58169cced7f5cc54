package dev.stratc.indicators.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;

import dev.stratc.indicators.catalog.Member;

/**
 * A live tick revises the last bar in place: feeding each bar several times with other values (na among them)
 * before its final version, then continuing, gives exactly (bit for bit) what a run that saw only the final
 * versions gives, for the value and every member, on every bar.
 */
class LastBarRevisionTest {

    static Stream<Case> cases() {
        return Cases.all().stream().filter(c -> c.member() == null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void revisingTheLastBarLeavesNoTrace(Case call) {
        MarketData.Bars data = MarketData.bitstamp();
        BarSeries series = data.toTa4j();
        Object[][] arguments = call.series().stream().map(column -> column.values(series)).toArray(Object[][]::new);
        List<Object> clean = run(call, data, arguments, null);
        List<Object> revised = run(call, data, arguments, new SplittableRandom(42));
        for (int i = 0; i < clean.size(); i++) {
            assertThat(revised.get(i)).as(call + " at bar " + i).isEqualTo(clean.get(i));
        }
    }

    /** The value and members after the final version of each bar; revisions first when {@code random} is set. */
    private static List<Object> run(Case call, MarketData.Bars data, Object[][] arguments, SplittableRandom random) {
        Invoker invoker = call.newInvoker();
        List<Object> observed = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (random != null) {
                for (int revision = random.nextInt(4); revision > 0; revision--) {
                    feedVariant(invoker, data, i, arguments, random);
                }
            }
            Object[] args = new Object[arguments.length];
            for (int a = 0; a < args.length; a++) {
                args[a] = arguments[a][i];
            }
            List<Object> values = new ArrayList<>();
            values.add(invoker.update(i, data, i, args));
            for (Member member : invoker.spec().members()) {
                values.add(invoker.member(member.name()));
            }
            observed.add(values);
        }
        return observed;
    }

    /** An earlier version of bar {@code i}: prices and volumes moved by up to 2 %, sometimes na. */
    private static void feedVariant(Invoker invoker, MarketData.Bars data, int i, Object[][] arguments,
            SplittableRandom random) {
        double close = vary(data.close()[i], random);
        double open = vary(data.open()[i], random);
        double high = Math.max(Math.max(open, close), vary(data.high()[i], random));
        double low = Math.min(Math.min(open, close), vary(data.low()[i], random));
        Object[] args = new Object[arguments.length];
        for (int a = 0; a < args.length; a++) {
            args[a] = arguments[a][i] instanceof Double value ? vary(value, random) : random.nextBoolean();
        }
        invoker.update(i, data.time()[i] - random.nextInt(300_000), open, high, low, close,
                vary(data.volume()[i], random), vary(data.buyVolume()[i], random), vary(data.sellVolume()[i], random),
                args);
    }

    private static double vary(double value, SplittableRandom random) {
        return random.nextInt(20) == 0 ? Double.NaN : value * (0.98 + 0.04 * random.nextDouble());
    }
}
