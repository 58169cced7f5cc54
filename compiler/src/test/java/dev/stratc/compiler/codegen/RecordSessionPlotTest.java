package dev.stratc.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.codegen.Evaluations.Flat;
import dev.stratc.compiler.codegen.Evaluations.Recorder;
import dev.stratc.compiler.codegen.Evaluations.TestBar;
import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.strategy.Plottable;
import dev.stratc.strategy.Signal;
import dev.stratc.strategy.StrategyRecord;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.SymbolStrategy;

/** The generated code of strategy.* (the strategy's own record), the session's series and plot(…). */
class RecordSessionPlotTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void theRecordIsReadThroughTheViewTheEngineBinds() {
        SymbolStrategy strategy = instance("""
                strategy("Record", warmup: 0) {
                  scan {
                    signal("R", { equity: strategy.equity, cash: strategy.cash, open: strategy.open_positions,
                                  closed: strategy.closed_trades, rate: strategy.win_rate,
                                  payoff: strategy.avg_win / strategy.avg_loss, net: strategy.net_profit,
                                  dd: strategy.max_drawdown })
                  }
                }
                """, Duration.ofMinutes(1), SEOUL);
        Recorder recorder = new Recorder();
        strategy.onBar(bar(0, "2024-01-02T09:01", 10, 10, 10, 10), Flat.INSTANCE, recorder);
        assertThat(recorder.signals.getFirst().payload().get("equity")).as("before an engine binds it")
                .isEqualTo(Double.NaN);

        ((StrategyRecord.Reader) strategy).bindRecord(new Fixed());
        assertThat(((StrategyRecord.Reader) strategy).readsRecord()).isTrue();
        strategy.onBar(bar(1, "2024-01-02T09:02", 10, 10, 10, 10), Flat.INSTANCE, recorder);
        Map<String, Object> payload = recorder.signals.get(1).payload();
        assertThat(payload).containsEntry("equity", 10_500.0).containsEntry("cash", 4_000.0)
                .containsEntry("open", 2.0).containsEntry("closed", 10.0).containsEntry("rate", 60.0)
                .containsEntry("payoff", 2.0).containsEntry("net", 500.0).containsEntry("dd", 3.5);
    }

    @Test
    void aStrategyThatDoesNotReadTheRecordSaysSo() {
        SymbolStrategy strategy = instance("""
                strategy("NoRecord", warmup: 0) {
                  scan {
                    signal("C", { c: close })
                  }
                }
                """, Duration.ofMinutes(1), SEOUL);
        assertThat(((StrategyRecord.Reader) strategy).readsRecord()).isFalse();
    }

    /**
     * Two KRX days of 1-minute bars (Seoul time): Tuesday 2024-01-02 09:01 … 09:04 and Wednesday 09:01 … 09:02.
     * Highs 101, 103, 102, 105 then 201, 199; lows 99, 100, 98, 104 then 198, 197; closes 100, 102, 101, 104 then
     * 200, 198.
     */
    @Test
    void sessionSeriesFollowTheExchangesTradingDay() {
        SymbolStrategy strategy = instance("""
                strategy("Session", warmup: 0) {
                  scan {
                    signal("S", { open: session_open, high: session_high, low: session_low,
                                  minutes: minutes_since_open, weekday: weekday, day: day_of_month,
                                  at: value_at("09:02", close), range_high: opening_high(2m),
                                  range_low: opening_low(2m) })
                  }
                }
                """, Duration.ofMinutes(1), SEOUL);
        Recorder recorder = new Recorder();
        String[] times = {"2024-01-02T09:01", "2024-01-02T09:02", "2024-01-02T09:03", "2024-01-02T09:04",
                "2024-01-03T09:01", "2024-01-03T09:02"};
        double[] highs = {101, 103, 102, 105, 201, 199};
        double[] lows = {99, 100, 98, 104, 198, 197};
        double[] closes = {100, 102, 101, 104, 200, 198};
        for (int i = 0; i < times.length; i++) {
            strategy.onBar(bar(i, times[i], closes[i], highs[i], lows[i], closes[i]), Flat.INSTANCE, recorder);
        }
        List<Map<String, Object>> p = recorder.signals.stream().map(Signal::payload).toList();
        assertThat(p).extracting(v -> v.get("open")).containsExactly(true, false, false, false, true, false);
        assertThat(p).extracting(v -> v.get("high")).containsExactly(101.0, 103.0, 103.0, 105.0, 201.0, 201.0);
        assertThat(p).extracting(v -> v.get("low")).containsExactly(99.0, 99.0, 98.0, 98.0, 198.0, 197.0);
        assertThat(p).extracting(v -> v.get("minutes")).containsExactly(1.0, 2.0, 3.0, 4.0, 1.0, 2.0);
        assertThat(p).extracting(v -> v.get("weekday")).containsExactly(2.0, 2.0, 2.0, 2.0, 3.0, 3.0);
        assertThat(p).extracting(v -> v.get("day")).containsExactly(2.0, 2.0, 2.0, 2.0, 3.0, 3.0);
        assertThat(p).extracting(v -> v.get("at"))
                .containsExactly(Double.NaN, 102.0, 102.0, 102.0, Double.NaN, 198.0);
        // the first 2 minutes are the bars ending 09:01 and 09:02: known from the bar ending 09:02 on
        assertThat(p).extracting(v -> v.get("range_high"))
                .containsExactly(Double.NaN, 103.0, 103.0, 103.0, Double.NaN, 201.0);
        assertThat(p).extracting(v -> v.get("range_low"))
                .containsExactly(Double.NaN, 99.0, 99.0, 99.0, Double.NaN, 197.0);
    }

    @Test
    void aRevisedBarCountsOnceInTheSession() {
        SymbolStrategy strategy = instance("""
                strategy("Revise", warmup: 0) {
                  scan {
                    signal("S", { high: session_high, open: session_open, range_high: opening_high(2m) })
                  }
                }
                """, Duration.ofMinutes(1), SEOUL);
        Recorder recorder = new Recorder();
        strategy.onBar(bar(0, "2024-01-02T09:01", 100, 101, 99, 100), Flat.INSTANCE, recorder);
        strategy.onBar(bar(1, "2024-01-02T09:02", 100, 110, 99, 100), Flat.INSTANCE, recorder);
        strategy.onBar(bar(1, "2024-01-02T09:02", 100, 102, 99, 100), Flat.INSTANCE, recorder);
        assertThat(recorder.signals.get(2).payload()).containsEntry("high", 102.0).containsEntry("open", false)
                .containsEntry("range_high", 102.0);
    }

    @Test
    void plotsAndTheRulesIndicatorsAreTheChartsSeries() {
        SymbolStrategy strategy = instance("""
                strategy("Plots", warmup: 0) {
                  entry {
                    plot("mid", (high + low) / 2)
                    plot("up", close > open, overlay: false)
                    when (close > sma(close, 2) AND rsi(close, 2) > 50 AND sma(volume, 2) > 0) {
                      buy()
                    }
                  }
                }
                """, Duration.ofMinutes(1), SEOUL);
        Plottable plots = (Plottable) strategy;
        assertThat(plots.plotNames()).containsExactly("mid", "up", "sma(close, 2)", "rsi(close, 2)",
                "sma(volume, 2)");
        assertThat(plots.plotOverlays()).containsExactly(true, false, true, false, false);
        double[] out = new double[5];
        Recorder recorder = new Recorder();
        strategy.onBar(bar(0, "2024-01-02T09:01", 10, 12, 8, 11), Flat.INSTANCE, recorder);
        strategy.onBar(bar(1, "2024-01-02T09:02", 11, 14, 10, 13), Flat.INSTANCE, recorder);
        plots.plotValues(bar(1, "2024-01-02T09:02", 11, 14, 10, 13), Flat.INSTANCE, out);
        assertThat(out[0]).isEqualTo(12.0);
        assertThat(out[1]).isEqualTo(1.0);
        assertThat(out[2]).isEqualTo(12.0);        // (11 + 13) / 2
        assertThat(out[4]).isEqualTo(100.0);
    }

    @Test
    void mistakesAreLocatedWithTheirCodes() {
        assertThat(errors("strategy(\"E\") {\n  scan {\n    signal(\"A\", { e: strategy.equty })\n  }\n}\n"))
                .singleElement().satisfies(d -> {
                    assertThat(d.code().code()).isEqualTo("S019");
                    assertThat(d.hint()).contains("equity");
                });
        assertThat(errors("strategy(\"E\") {\n  entry {\n    when (close > 0) {\n      plot(\"c\", close)\n"
                + "    }\n  }\n}\n")).extracting(d -> d.code().code()).containsExactly("S018");
        assertThat(errors("strategy(\"E\") {\n  scan {\n    signal(\"A\", { v: value_at(\"9:30\", close) })\n"
                + "  }\n}\n")).extracting(d -> d.code().code()).containsExactly("S033");
        assertThat(errors("strategy(\"E\", timeframe: 1m) {\n  scan {\n    when (close > session_high @ 1d) {\n"
                + "      signal(\"A\")\n    }\n  }\n}\n")).extracting(d -> d.code().code()).containsExactly("S054");
        assertThat(errors("strategy(\"E\") {\n  let strategy = 1\n  scan {\n    signal(\"A\", { v: strategy })\n"
                + "  }\n}\n")).extracting(d -> d.code().code()).contains("S006");
        assertThat(errors("strategy(\"E\") {\n  entry {\n    plot(\"c\", close)\n    plot(\"c\", open)\n  }\n}\n"))
                .extracting(d -> d.code().code()).containsExactly("S006");
    }

    private static List<Diagnostic> errors(String source) {
        return StratCompiler.standard().analyze(source, "e.strat").diagnostics().stream()
                .filter(d -> d.code().code().startsWith("S")).toList();
    }

    private static SymbolStrategy instance(String source, Duration timeframe, ZoneId zone) {
        CompileResult result = StratCompiler.standard().compile(source, "t.strat");
        assertThat(result.diagnostics()).isEmpty();
        return result.program().newInstance("T", StrategySettings.defaults(timeframe, zone));
    }

    private static TestBar bar(int index, String seoulTime, double open, double high, double low, double close) {
        long time = ZonedDateTime.parse(seoulTime + ":00+09:00[Asia/Seoul]").toInstant().toEpochMilli();
        return new TestBar(index, time, open, high, low, close);
    }

    /** 10 closed trades, 6 winners of 150 on average, 4 losers of 75. */
    private static final class Fixed implements StrategyRecord {
        public double equity() {
            return 10_500;
        }

        public double cash() {
            return 4_000;
        }

        public int openPositions() {
            return 2;
        }

        public int closedTrades() {
            return 10;
        }

        public int winningTrades() {
            return 6;
        }

        public int losingTrades() {
            return 4;
        }

        public double netProfit() {
            return 500;
        }

        public double averageWin() {
            return 150;
        }

        public double averageLoss() {
            return 75;
        }

        public double maxDrawdownPercent() {
            return 3.5;
        }
    }
}
