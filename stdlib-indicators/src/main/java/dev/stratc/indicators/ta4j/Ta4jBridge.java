package dev.stratc.indicators.ta4j;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.AbstractIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * The escape hatch {@code ta4j("KAMAIndicator", close, 10, 2, 30)}: any ta4j indicator, computed by ta4j itself
 * on a DoubleNum series of this symbol's bars. The series keeps the last {@link #MAX_BARS} bars (ta4j sizes
 * every indicator's cache by it, and some ta4j indicators cost O(bars) per value), so an indicator that looks
 * further back than that sees a truncated history. A revised last bar replaces the series' last bar, and the
 * value is read after every update, which is what keeps ta4j's running totals right (see ta4j issue #1211).
 * Boolean indicators (candle patterns) give 1 or 0.
 */
public final class Ta4jBridge {
    /** Bars kept in the ta4j series. */
    public static final int MAX_BARS = 2_000;

    private static final List<String> PACKAGES = List.of("org.ta4j.core.indicators",
            "org.ta4j.core.indicators.averages", "org.ta4j.core.indicators.adx", "org.ta4j.core.indicators.aroon",
            "org.ta4j.core.indicators.bollinger", "org.ta4j.core.indicators.candles",
            "org.ta4j.core.indicators.donchian", "org.ta4j.core.indicators.helpers",
            "org.ta4j.core.indicators.ichimoku", "org.ta4j.core.indicators.keltner",
            "org.ta4j.core.indicators.pivotpoints", "org.ta4j.core.indicators.statistics",
            "org.ta4j.core.indicators.supertrend", "org.ta4j.core.indicators.trend",
            "org.ta4j.core.indicators.volume");

    private final BarSeries series;
    private final SourceIndicator source;
    private final Indicator<?> indicator;
    private int currentBar = -1;
    private long lastEndTime = Long.MIN_VALUE;

    /**
     * @param className a ta4j indicator class, by simple name ({@code "KAMAIndicator"}) or fully qualified
     * @param constants the numeric arguments after the source, in the order of a ta4j constructor
     * @throws IllegalArgumentException naming the class or listing its constructors when none fits
     */
    public Ta4jBridge(String className, double[] constants) {
        this.series = new BaseBarSeriesBuilder().withName("ta4j(" + className + ")")
                .withNumFactory(DoubleNumFactory.getInstance()).withMaxBarCount(MAX_BARS).build();
        this.source = new SourceIndicator(series);
        this.indicator = instantiate(resolve(className), constants);
    }

    public double update(int bar, long time, double open, double high, double low, double close, double volume,
            double sourceValue) {
        boolean revision = bar == currentBar;
        long endTime = revision ? lastEndTime : Math.max(time, lastEndTime == Long.MIN_VALUE ? time : lastEndTime + 1);
        Bar next = series.barBuilder().timePeriod(Duration.ofMillis(1)).endTime(Instant.ofEpochMilli(endTime))
                .openPrice(open).highPrice(high).lowPrice(low).closePrice(close).volume(volume).amount(0)
                .build();
        series.addBar(next, revision);
        currentBar = bar;
        lastEndTime = endTime;
        int index = series.getEndIndex();
        source.set(index, sourceValue);
        Object value = indicator.getValue(index);
        if (value instanceof Num num) {
            return num.isNaN() ? Double.NaN : num.doubleValue();
        }
        if (value instanceof Boolean condition) {
            return condition ? 1.0 : 0.0;
        }
        return Double.NaN;
    }

    /** ta4j's own count of unstable bars for this indicator. */
    public int warmup() {
        return indicator.getCountOfUnstableBars();
    }

    private static Class<?> resolve(String className) {
        List<String> candidates = new ArrayList<>();
        if (className.contains(".")) {
            candidates.add(className);
        } else {
            String simple = className.endsWith("Indicator") ? className : className + "Indicator";
            PACKAGES.forEach(p -> candidates.add(p + "." + simple));
        }
        for (String candidate : candidates) {
            try {
                Class<?> type = Class.forName(candidate, false, Ta4jBridge.class.getClassLoader());
                if (Indicator.class.isAssignableFrom(type)) {
                    return type;
                }
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        throw new IllegalArgumentException("ta4j: no indicator class '" + className + "' in ta4j 0.22.2"
                + " (give the simple name of a class in org.ta4j.core.indicators or its subpackages, e.g."
                + " \"KAMAIndicator\")");
    }

    private Indicator<?> instantiate(Class<?> type, double[] constants) {
        Constructor<?> chosen = null;
        for (boolean sourceFirst : new boolean[] {true, false}) {
            for (Constructor<?> constructor : type.getConstructors()) {
                if (fits(constructor, sourceFirst, constants)) {
                    chosen = constructor;
                    break;
                }
            }
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("ta4j: " + type.getSimpleName() + " has no constructor taking "
                    + (constants.length == 0 ? "no numbers" : constants.length + " number(s)")
                    + " after the source or the series; it has " + describe(type));
        }
        Class<?>[] types = chosen.getParameterTypes();
        Object[] arguments = new Object[types.length];
        arguments[0] = Indicator.class.isAssignableFrom(types[0]) ? source : series;
        for (int i = 1; i < types.length; i++) {
            arguments[i] = convert(types[i], constants[i - 1], type);
        }
        try {
            return (Indicator<?>) chosen.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("ta4j: " + type.getSimpleName() + " refused the arguments "
                    + Arrays.toString(constants) + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("ta4j: cannot construct " + type.getSimpleName() + ": " + e, e);
        }
    }

    private static boolean fits(Constructor<?> constructor, boolean sourceFirst, double[] constants) {
        Class<?>[] types = constructor.getParameterTypes();
        if (types.length != constants.length + 1) {
            return false;
        }
        boolean first = sourceFirst ? types[0].isAssignableFrom(SourceIndicator.class)
                : types[0] == BarSeries.class;
        if (!first) {
            return false;
        }
        for (int i = 1; i < types.length; i++) {
            if (!isNumeric(types[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumeric(Class<?> type) {
        return type == int.class || type == long.class || type == double.class || type == Integer.class
                || type == Long.class || type == Double.class || type == Number.class || type == Num.class;
    }

    private Object convert(Class<?> type, double value, Class<?> indicatorType) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            if (value != Math.rint(value)) {
                throw new IllegalArgumentException("ta4j: " + indicatorType.getSimpleName()
                        + " takes a whole number where " + value + " was given");
            }
            return type == int.class || type == Integer.class ? (Object) (int) value : (Object) (long) value;
        }
        if (type == Num.class) {
            return series.numFactory().numOf(value);
        }
        return value;
    }

    private static String describe(Class<?> type) {
        return Arrays.stream(type.getConstructors())
                .map(c -> Arrays.stream(c.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(" "));
    }

    /** The source series argument, as a ta4j indicator over the kept bars. */
    private static final class SourceIndicator extends AbstractIndicator<Num> {
        private final double[] values = new double[MAX_BARS];

        SourceIndicator(BarSeries series) {
            super(series);
        }

        void set(int index, double value) {
            values[index % MAX_BARS] = value;
        }

        @Override
        public Num getValue(int index) {
            int kept = Math.max(index, getBarSeries().getBeginIndex());
            return getBarSeries().numFactory().numOf(values[kept % MAX_BARS]);
        }

        @Override
        public int getCountOfUnstableBars() {
            return 0;
        }
    }
}
