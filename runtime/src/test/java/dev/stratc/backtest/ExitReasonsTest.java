package dev.stratc.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.data.Bars;
import dev.stratc.data.CsvBarReader;
import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.strategy.Stops;

/**
 * Each exit says what fired it (issue 21): a stop with its level, the tag of {@code sell(…, tag: "…")}, or the
 * condition of the rule that sold, as written — never a line and column. On AAPL's 2013 daily bars.
 */
class ExitReasonsTest {

    @Test
    void stopsAreLabelledWithTheirLevels() {
        Stops stops = new Stops(1, 4.5, 0.5, 15 * 60_000L);
        assertThat(ExitReasons.stop("stop_loss", stops)).isEqualTo("stop_loss 1 %");
        assertThat(ExitReasons.stop("take_profit", stops)).isEqualTo("take_profit 4.5 %");
        assertThat(ExitReasons.stop("trailing_stop", stops)).isEqualTo("trailing_stop 0.5 %");
        assertThat(ExitReasons.stop("time_stop", stops)).isEqualTo("time_stop 15m");
        assertThat(ExitReasons.stop("time_stop", new Stops(Double.NaN, Double.NaN, Double.NaN, 2 * 86_400_000L)))
                .isEqualTo("time_stop 2d");
        assertThat(ExitReasons.kind("stop_loss 1 %")).isEqualTo("stop_loss");
        assertThat(ExitReasons.kind("close < sma(close, 20)")).isEqualTo("close < sma(close, 20)");
    }

    @Test
    void aBacktestsExitsNameTheTagTheRuleOrTheStop() {
        String source = """
                strategy("Reasons", timeframe: 1d, warmup: 0) {
                  entry {
                    when (close > open) { buy(quantity: 1) }
                  }
                  exit {
                    stop_loss(3%)
                    when (close < open AND bars_since_entry >= 3) { sell(quantity: "all", tag: "red day") }
                    when (bars_since_entry >= 6) { sell(quantity: "all") }
                  }
                }
                """;
        CompileResult compiled = StratCompiler.standard().compile(source, "reasons.strat");
        assertThat(compiled.hasErrors()).as(compiled.diagnostics().toString()).isFalse();
        Bars aapl = CsvBarReader.read(Path.of("..", "examples", "data", "aapl-1d.csv"),
                ReadOptions.defaults(Market.GENERIC).withSymbol("AAPL")).bars();

        List<Trade> trades = Backtester.run(compiled.program(), List.of(aapl),
                BacktestConfig.defaults().withCapital(100_000).withCosts(Costs.none()), null).trades();

        assertThat(trades).hasSizeGreaterThan(5);
        assertThat(trades).extracting(Trade::exitReason)
                .contains("red day", "bars_since_entry >= 6")
                .allSatisfy(reason -> assertThat(reason).isIn("red day", "bars_since_entry >= 6", "stop_loss 3 %",
                        "end_of_data"));
    }
}
