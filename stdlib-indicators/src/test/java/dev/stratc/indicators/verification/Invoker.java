package dev.stratc.indicators.verification;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.Implementation;
import dev.stratc.indicators.catalog.Param;
import dev.stratc.indicators.catalog.ParamKind;
import dev.stratc.indicators.catalog.ValueKind;

/**
 * Calls a catalogue function exactly as generated code does, driven only by its {@link FunctionSpec}: the
 * constants go to the constructor (or to the pure method), the bar inputs and series arguments to
 * {@code update(int bar, ...)}. Tests written against it therefore also check that the declarations match
 * the implementations.
 */
final class Invoker {
    private final FunctionSpec spec;
    private final Object instance;
    private final Method update;
    private final Object[] constants;
    private final Object[] arguments;

    /** One instance of {@code spec}'s implementation; {@code constants} are the LENGTH/NUMBER/STRING args in order. */
    Invoker(FunctionSpec spec, Object... constants) {
        this.spec = spec;
        this.constants = constants.clone();
        List<Class<?>> constantTypes = new ArrayList<>();
        List<Class<?>> updateTypes = new ArrayList<>();
        boolean streaming = spec.implementation() instanceof Implementation.Streaming;
        if (streaming) {
            updateTypes.add(int.class);
        }
        for (BarField field : spec.barInputs()) {
            updateTypes.add(field == BarField.TIME ? long.class : double.class);
        }
        for (Param param : spec.params()) {
            Class<?> type = javaType(param.kind());
            if (isConstant(param.kind()) && streaming) {
                constantTypes.add(type);
            } else {
                updateTypes.add(type);
            }
        }
        try {
            switch (spec.implementation()) {
                case Implementation.Streaming s -> {
                    Class<?> type = Class.forName(s.className());
                    Constructor<?> constructor = type.getConstructor(constantTypes.toArray(Class<?>[]::new));
                    instance = constructor.newInstance(constants);
                    update = type.getMethod("update", updateTypes.toArray(Class<?>[]::new));
                }
                case Implementation.Pure p -> {
                    instance = null;
                    update = Class.forName(p.className()).getMethod(p.method(), updateTypes.toArray(Class<?>[]::new));
                }
                case Implementation.Ta4jBridge b -> throw new IllegalArgumentException("use Ta4jBridge directly");
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(spec.name() + ": implementation does not match its declaration: " + e, e);
        }
        Class<?> expectedReturn = spec.returns() == ValueKind.BOOLEAN ? boolean.class : double.class;
        if (update.getReturnType() != expectedReturn) {
            throw new AssertionError(spec.name() + ": update returns " + update.getReturnType()
                    + ", declared " + spec.returns());
        }
        arguments = new Object[updateTypes.size()];
    }

    static boolean isConstant(ParamKind kind) {
        return kind == ParamKind.LENGTH || kind == ParamKind.NUMBER || kind == ParamKind.STRING;
    }

    static Class<?> javaType(ParamKind kind) {
        return switch (kind) {
            case SERIES, NUMBER -> double.class;
            case CONDITION -> boolean.class;
            case LENGTH -> int.class;
            case STRING -> String.class;
        };
    }

    FunctionSpec spec() {
        return spec;
    }

    /**
     * Evaluates bar {@code bar} with the bar inputs of row {@code row} and the given series arguments (booleans
     * for conditions, doubles for series); a pure function also receives its constants.
     */
    Object update(int bar, MarketData.Bars data, int row, Object... seriesArguments) {
        return update(bar, data.time()[row], data.open()[row], data.high()[row], data.low()[row], data.close()[row],
                data.volume()[row], data.buyVolume()[row], data.sellVolume()[row], seriesArguments);
    }

    Object update(int bar, long time, double open, double high, double low, double close, double volume,
            double buyVolume, double sellVolume, Object... seriesArguments) {
        int a = 0;
        if (instance != null) {
            arguments[a++] = bar;
        }
        for (BarField field : spec.barInputs()) {
            arguments[a++] = switch (field) {
                case OPEN -> open;
                case HIGH -> high;
                case LOW -> low;
                case CLOSE -> close;
                case VOLUME -> volume;
                case TIME -> time;
                case BUY_VOLUME -> buyVolume;
                case SELL_VOLUME -> sellVolume;
            };
        }
        int s = 0;
        int c = 0;
        for (Param param : spec.params()) {
            if (isConstant(param.kind())) {
                if (instance == null) {
                    arguments[a++] = constants[c];
                }
                c++;
            } else {
                arguments[a++] = seriesArguments[s++];
            }
        }
        try {
            return update.invoke(instance, arguments);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(spec.name() + " threw", e.getCause());
        }
    }

    double member(String name) {
        String accessor = spec.member(name).orElseThrow(() -> new AssertionError(spec.name() + " has no " + name))
                .accessor();
        try {
            return (double) instance.getClass().getMethod(accessor).invoke(instance);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(spec.name() + "." + name + ": " + e, e);
        }
    }

    int warmup() {
        try {
            return (int) instance.getClass().getMethod("warmup").invoke(instance);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(spec.name() + ".warmup(): " + e, e);
        }
    }
}
