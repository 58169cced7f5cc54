package dev.stratc.indicators.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.num.Num;

import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.catalog.FunctionSpec;

/**
 * One call of a catalogue function, its series arguments (built from ta4j indicators so that both sides read
 * identical inputs) and, where ta4j has one, the ta4j computation it must equal.
 *
 * @param function  the catalogue name
 * @param constants the constant arguments (lengths as Integer, numbers as Double), in declaration order
 * @param series    the series arguments, in declaration order
 * @param member    the member compared, or null for the function's value
 * @param reference ta4j's value at each index (Num or Boolean), or null when ta4j has no counterpart
 * @param naUntil   ours is na before this index by design where ta4j gives a partial value; compared from here
 */
record Case(String function, List<Object> constants, List<Column> series, String member,
        Function<BarSeries, IntFunction<Object>> reference, int naUntil) {

    /** A series argument: a name for the report and the ta4j indicator that produces it. */
    record Column(String name, Function<BarSeries, Indicator<?>> indicator) {
        Object[] values(BarSeries series) {
            Indicator<?> column = indicator.apply(series);
            Object[] values = new Object[series.getBarCount()];
            for (int i = 0; i < values.length; i++) {
                Object value = column.getValue(i);
                values[i] = value instanceof Num num ? num.doubleValue() : value;
            }
            return values;
        }
    }

    static Builder of(String function, Object... constants) {
        return new Builder(function, constants);
    }

    FunctionSpec spec() {
        return FunctionRegistry.standard().find(function)
                .orElseThrow(() -> new AssertionError("no function '" + function + "' in the catalogue"));
    }

    Invoker newInvoker() {
        return new Invoker(spec(), constants.toArray());
    }

    /** Our value after an update: the member if one is named, else the update's result. */
    Object read(Invoker invoker, Object updateResult) {
        return member == null ? updateResult : invoker.member(member);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(function).append('(');
        List<String> args = new ArrayList<>(series.stream().map(Column::name).toList());
        constants.forEach(c -> args.add(String.valueOf(c)));
        text.append(String.join(", ", args)).append(')');
        return member == null ? text.toString() : text + "." + member;
    }

    static final class Builder {
        private final String function;
        private final List<Object> constants;
        private final List<Column> series = new ArrayList<>();
        private String member;
        private int naUntil;

        Builder(String function, Object[] constants) {
            this.function = function;
            this.constants = Arrays.asList(constants);
        }

        Builder on(Column... columns) {
            series.addAll(List.of(columns));
            return this;
        }

        Builder member(String name) {
            member = name;
            return this;
        }

        Builder naUntil(int index) {
            naUntil = index;
            return this;
        }

        Case ta4j(Function<BarSeries, Indicator<?>> indicator) {
            return new Case(function, constants, series, member, s -> {
                Indicator<?> built = indicator.apply(s);
                return built::getValue;
            }, naUntil);
        }

        Case ta4jRule(Function<BarSeries, Rule> rule) {
            return new Case(function, constants, series, member, s -> {
                Rule built = rule.apply(s);
                return built::isSatisfied;
            }, naUntil);
        }

        /** A reference computed from ta4j pieces where ta4j has no single indicator for it. */
        Case ta4jValues(Function<BarSeries, IntFunction<Object>> values) {
            return new Case(function, constants, series, member, values, naUntil);
        }

        /** No ta4j counterpart: covered by the revision test here and by hand-computed values elsewhere. */
        Case withoutTa4j() {
            return new Case(function, constants, series, member, null, naUntil);
        }
    }
}
