package dev.stratc.indicators.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.Implementation;
import dev.stratc.indicators.catalog.Member;

/** The catalogue as the compiler, the editor and the docs rely on it. */
class CatalogueTest {

    static Stream<FunctionSpec> functions() {
        return FunctionRegistry.standard().all().stream();
    }

    @Test
    void offersTheWholeCatalogueOfTheIssue() {
        Set<String> names = functions().map(FunctionSpec::name).collect(Collectors.toSet());
        assertThat(names).hasSizeGreaterThanOrEqualTo(40).contains("sma", "ema", "wma", "hma", "dema", "tema", "rma",
                "kama", "vwma", "rsi", "macd", "stoch_k", "stoch_d", "stoch_rsi", "williams_r", "cci", "roc",
                "momentum", "change", "price_change_percent", "mfi", "atr", "true_range", "adx", "plus_di",
                "minus_di", "bollinger", "keltner", "donchian", "supertrend", "parabolic_sar", "obv", "vwap",
                "rolling_vwap", "cmf", "average_volume", "volume_ratio", "highest", "lowest", "stdev", "variance",
                "zscore", "linreg_slope", "correlation", "crosses_above", "crosses_below", "rising", "falling",
                "bars_since", "doji", "hammer", "bullish_engulfing", "bearish_engulfing", "tick_size",
                "upper_limit", "lower_limit", "trade_strength", "ta4j");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void isDocumentedForTraders(FunctionSpec spec) {
        assertThat(spec.name()).matches("[a-z][a-z0-9_]*");
        assertThat(spec.summary()).as(spec.name()).hasSizeGreaterThan(30).endsWith(".");
        assertThat(spec.example()).as(spec.name()).contains(spec.name() + "(");
        spec.params().forEach(p -> assertThat(p.doc()).as(spec.name() + "." + p.name()).isNotBlank());
        spec.members().forEach(m -> assertThat(m.doc()).as(spec.name() + "." + m.name()).isNotBlank());
    }

    /** Every function but the escape hatch is checked by the harness: against ta4j or by its revision test. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void isVerified(FunctionSpec spec) {
        if (spec.implementation() instanceof Implementation.Ta4jBridge) {
            return;
        }
        assertThat(Cases.all()).as(spec.name() + " has no verification case")
                .anyMatch(c -> c.function().equals(spec.name()));
        if (spec.implementation() instanceof Implementation.Streaming) {
            assertThat(spec.members()).allSatisfy(member -> assertThat(Cases.all())
                    .as(spec.name() + "." + member.name() + " is never compared with ta4j")
                    .anyMatch(c -> c.function().equals(spec.name()) && member.name().equals(c.member())
                            && c.reference() != null || c.function().equals(spec.name()) && c.reference() == null));
        }
    }

    /** What generated code calls exists with the declared shape (the Invoker checks constructor and update). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void implementationHasTheDeclaredShape(FunctionSpec spec) throws ReflectiveOperationException {
        switch (spec.implementation()) {
            case Implementation.Streaming streaming -> {
                Class<?> type = Class.forName(streaming.className());
                assertThat(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()))
                        .as(type + " is a public concrete class").isTrue();
                assertThat(type.getMethod("warmup").getReturnType()).isEqualTo(int.class);
                for (Member member : spec.members()) {
                    Method accessor = type.getMethod(member.accessor());
                    assertThat(accessor.getReturnType()).as(spec.name() + "." + member.name()).isEqualTo(double.class);
                }
            }
            case Implementation.Pure pure -> {
                Method method = Stream.of(Class.forName(pure.className()).getMethods())
                        .filter(m -> m.getName().equals(pure.method())).findFirst().orElseThrow();
                assertThat(Modifier.isStatic(method.getModifiers())).isTrue();
            }
            case Implementation.Ta4jBridge bridge -> assertThat(Class.forName(bridge.className())
                    .getConstructor(String.class, double[].class)).isNotNull();
        }
    }
}
