package dev.stratc.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.codegen.Evaluations.Flat;
import dev.stratc.compiler.codegen.Evaluations.Recorder;
import dev.stratc.compiler.codegen.Evaluations.TestBar;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.ParameterValue;
import dev.stratc.strategy.Signal;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.SymbolStrategy;

/** The generated code of if/else, ternaries, history of any expression, vars and functions, bar by bar. */
class LanguageV2EvaluationTest {
    /** close of each bar; open is the previous close (the first bar opens at its close). */
    private static final double[] CLOSES = {10, 11, 9, 12, 13, 8};

    @Test
    void ifElseChainsAndTernariesPickOneBranch() {
        List<Map<String, Object>> values = payloads("""
                strategy("Branches", warmup: 0) {
                  scan {
                    if (close > 11) {
                      signal("V", { branch: 1, sign: close > open ? 1 : close < open ? -1 : 0 })
                    } else if (close > 9) {
                      signal("V", { branch: 2, sign: close > open ? 1 : close < open ? -1 : 0 })
                    } else {
                      signal("V", { branch: 3, sign: close > open ? 1 : close < open ? -1 : 0 })
                    }
                  }
                }
                """, Map.of());
        assertThat(values).extracting(v -> v.get("branch")).containsExactly(2.0, 2.0, 3.0, 1.0, 1.0, 3.0);
        assertThat(values).extracting(v -> v.get("sign")).containsExactly(0.0, 1.0, -1.0, 1.0, 1.0, -1.0);
    }

    @Test
    void historyReadsConditionsAndExpressionsAndParameterOffsets() {
        String source = """
                strategy("History", warmup: 0) {
                  parameters {
                    k = 2 in 0..4
                  }
                  scan {
                    signal("V", { up_before: (close > open)[1], change_before: (close - open)[1], back_k: close[k],
                                  back_k1: close[k + 1] })
                  }
                }
                """;
        List<Map<String, Object>> values = payloads(source, Map.of());
        assertThat(values).extracting(v -> v.get("up_before")).containsExactly(false, false, true, false, true, true);
        assertThat(values.get(3).get("change_before")).isEqualTo(-2.0);
        assertThat((Double) values.get(1).get("back_k")).isNaN();
        assertThat(values).extracting(v -> v.get("back_k")).containsSequence(10.0, 11.0, 9.0, 12.0);
        assertThat(values.get(5).get("back_k1")).isEqualTo(9.0);

        // -P k=0 reads the bar itself; k=5 is outside the search space and still gets a history long enough
        assertThat(payloads(source, Map.of("k", ParameterValue.number(0)))).extracting(v -> v.get("back_k"))
                .containsExactly(10.0, 11.0, 9.0, 12.0, 13.0, 8.0);
        assertThat(payloads(source, Map.of("k", ParameterValue.number(5))).get(5).get("back_k")).isEqualTo(10.0);
        assertThatThrownBy(() -> payloads(source, Map.of("k", ParameterValue.number(1.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[k]: a history offset must be a whole number of bars from 0 to 100000, got 1.5");
    }

    @Test
    void aVarKeepsItsValueAndItsHistoryIsTheValueAtTheEndOfEachBar() {
        List<Map<String, Object>> values = payloads("""
                strategy("State", warmup: 0) {
                  var highest_close = close
                  var rises = 0
                  var seen_drop = false
                  scan {
                    if (close > highest_close) {
                      highest_close := close
                    }
                    rises := close > close[1] ? rises + 1 : rises
                    if (close < close[1]) {
                      seen_drop := true
                    }
                    signal("V", { highest: highest_close, rises: rises, before: rises[1], dropped: seen_drop,
                                  dropped_before: seen_drop[1] })
                  }
                }
                """, Map.of());
        assertThat(values).extracting(v -> v.get("highest")).containsExactly(10.0, 11.0, 11.0, 12.0, 13.0, 13.0);
        assertThat(values).extracting(v -> v.get("rises")).containsExactly(0.0, 1.0, 1.0, 2.0, 3.0, 3.0);
        assertThat((Double) values.get(0).get("before")).isNaN();
        assertThat(values).extracting(v -> v.get("before")).endsWith(0.0, 1.0, 1.0, 2.0, 3.0);
        assertThat(values).extracting(v -> v.get("dropped")).containsExactly(false, false, true, true, true, true);
        assertThat(values).extracting(v -> v.get("dropped_before"))
                .containsExactly(false, false, false, true, true, true);
    }

    @Test
    void aRevisedBarStartsTheVarsAgainFromTheirValueWhenTheBarBegan() {
        SymbolStrategy strategy = compile("""
                strategy("Count", warmup: 0) {
                  var count = 0
                  scan {
                    count := count + 1
                    signal("V", { count: count, before: count[1] })
                  }
                }
                """).newInstance("T", settings(Map.of()));
        Recorder recorder = new Recorder();
        strategy.onBar(bar(0, 10, 10), Flat.INSTANCE, recorder);
        strategy.onBar(bar(1, 10, 11), Flat.INSTANCE, recorder);
        strategy.onBar(bar(1, 10, 12), Flat.INSTANCE, recorder);   // a tick revises bar 1
        strategy.onBar(bar(1, 10, 13), Flat.INSTANCE, recorder);
        strategy.onBar(bar(2, 13, 14), Flat.INSTANCE, recorder);
        assertThat(recorder.signals).extracting(s -> s.payload().get("count"))
                .containsExactly(1.0, 2.0, 2.0, 2.0, 3.0);
        assertThat(recorder.signals.get(4).payload().get("before")).isEqualTo(2.0);
    }

    @Test
    void functionsAreInlinedWithTheKindsOfEachCall() {
        CompileResult result = StratCompiler.standard().compile("""
                strategy("Functions", warmup: 0) {
                  parameters {
                    n = 2
                  }
                  fn twice(x) = x * 2
                  fn spread(a, b) {
                    let d = a - b
                    return d > 0 ? d : -d
                  }
                  scan {
                    signal("V", { price: twice(close), share: twice(3%), avg: sma(close, twice(n)),
                                  spread: spread(open, close), nested: twice(spread(close, 12)) })
                  }
                }
                """, "functions.strat");
        assertThat(result.diagnostics()).isEmpty();
        // inlined: no method of the generated class stands for a function
        assertThat(result.javaSource()).doesNotContain("twice(x").doesNotContain("double twice");
        Recorder recorder = run(result.program().newInstance("T", settings(Map.of())));
        Map<String, Object> fourth = recorder.signals.get(3).payload();
        assertThat(fourth.get("price")).isEqualTo(24.0);
        assertThat(fourth.get("share")).as("a percent stays a percent").isEqualTo(6.0);
        assertThat(fourth.get("avg")).isEqualTo((10 + 11 + 9 + 12) / 4.0);
        assertThat(fourth.get("spread")).isEqualTo(3.0);
        assertThat((Double) fourth.get("nested")).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void higherBarsCompleteAtTheirPeriodsEndAndARevisionCountsOnce() {
        String source = """
                strategy("Higher", warmup: 0) {
                  scan {
                    signal("V", { close3: close @ 3m, count: bar_index @ 3m })
                  }
                }
                """;
        SymbolStrategy strategy = compile(source).newInstance("T", settings(Map.of()));
        Recorder recorder = new Recorder();
        // one-minute bars ending at 1, 2, 3, … minutes past a 3-minute boundary's clock
        long start = 1_700_000_100_000L - Math.floorMod(1_700_000_100_000L, 180_000L);
        double[] closes = {5, 6, 7, 8, 9, 10, 11};
        for (int i = 0; i < closes.length; i++) {
            strategy.onBar(new TestBar(i, start + (i + 1) * 60_000L, closes[i], closes[i], closes[i], closes[i]),
                    Flat.INSTANCE, recorder);
            if (i == 2) {
                // a tick revises the bar that completes the first 3 minutes
                strategy.onBar(new TestBar(i, start + 3 * 60_000L, 7, 7.5, 7, 7.5), Flat.INSTANCE, recorder);
            }
        }
        assertThat(recorder.signals).extracting(s -> s.payload().get("close3"))
                .containsExactly(Double.NaN, Double.NaN, 7.0, 7.5, 7.5, 7.5, 10.0, 10.0);
        assertThat(recorder.signals).extracting(s -> s.payload().get("count"))
                .as("higher bars counted once each, the revised one too")
                .containsExactly(Double.NaN, Double.NaN, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0);

        assertThatThrownBy(() -> compile(source).newInstance("T", new StrategySettings(Map.of(), Duration.ofMinutes(2),
                ZoneId.of("UTC"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@ 3m is built from the run's 2m bars, so it must be a whole number of them: give the "
                        + "strategy a timeframe that divides it");
    }

    private static List<Map<String, Object>> payloads(String source, Map<String, ParameterValue> overrides) {
        return run(compile(source).newInstance("T", settings(overrides))).signals.stream().map(Signal::payload).toList();
    }

    private static Recorder run(SymbolStrategy strategy) {
        Recorder recorder = new Recorder();
        for (int i = 0; i < CLOSES.length; i++) {
            strategy.onBar(bar(i, i == 0 ? CLOSES[0] : CLOSES[i - 1], CLOSES[i]), Flat.INSTANCE, recorder);
        }
        return recorder;
    }

    private static dev.stratc.strategy.StrategyProgram compile(String source) {
        CompileResult result = StratCompiler.standard().compile(source, "v2.strat");
        assertThat(result.diagnostics()).isEmpty();
        return result.program();
    }

    private static StrategySettings settings(Map<String, ParameterValue> overrides) {
        return new StrategySettings(overrides, Duration.ofMinutes(1), ZoneId.of("UTC"));
    }

    private static BarView bar(int index, double open, double close) {
        return new TestBar(index, 1_700_000_000_000L + index * 60_000L, open, Math.max(open, close),
                Math.min(open, close), close);
    }
}
