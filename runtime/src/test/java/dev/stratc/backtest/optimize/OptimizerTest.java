package dev.stratc.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.Backtester;
import dev.stratc.backtest.SmaCrossProgram;
import dev.stratc.data.Bars;
import dev.stratc.data.CsvBarReader;
import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.strategy.ParameterValue;

class OptimizerTest {
    @TempDir
    Path dir;

    static final Bars BTC = CsvBarReader.read(Path.of("..", "examples", "data", "btcusd-bitstamp-5m.csv"),
            ReadOptions.defaults(Market.GENERIC).withSymbol("BTCUSD")).bars();

    @Test
    void gridSearchIsDeterministicWhateverTheThreadCountAndMatchesSingleBacktests() throws Exception {
        var program = new SmaCrossProgram(5, 20, 2, 4);
        var grid = ParameterGrid.of(program.info().parameters(), Map.of("slow",
                ParameterGrid.parseRange("20..60 step 20", null)));
        assertThat(grid.size()).isEqualTo(2 * 3);
        var config = BacktestConfig.defaults().withCapital(100_000).withMaxPositions(1, Double.NaN);
        var one = new Optimizer(program, List.of(BTC), config, grid, Objective.NET_RETURN, 1).grid(null);
        var two = new Optimizer(program, List.of(BTC), config, grid, Objective.NET_RETURN, 2).grid(null);
        assertThat(two).extracting(Optimizer.Run::number).containsExactlyElementsOf(
                one.stream().map(Optimizer.Run::number).toList());
        assertThat(one.get(0).score()).isGreaterThanOrEqualTo(one.get(1).score());

        var best = one.get(0);
        double single = Backtester.run(program, List.of(BTC), config.withOverrides(best.parameters()), null)
                .metrics().netReturn();
        assertThat(best.metrics().netReturn()).isEqualTo(single);

        Optimizer.writeRuns(one, grid.names(), dir.resolve("runs.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("runs.csv"));
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("run,fast,slow,score,net_return");
        assertThat(lines.get(1)).startsWith("1,5,20,");
    }

    @Test
    void walkForwardKeepsOutOfSampleSeparateAndCoversTheDataWindowByWindow() {
        var program = new SmaCrossProgram(5, 20, 2, 4);
        var grid = ParameterGrid.of(program.info().parameters(), Map.of());
        var config = BacktestConfig.defaults().withCapital(100_000).withMaxPositions(1, Double.NaN);
        var opt = new Optimizer(program, List.of(BTC), config, grid, Objective.SHARPE, 2);
        var rolling = opt.walkForward(Duration.ofDays(3), Duration.ofDays(1), false, null);
        // 2013-11-25 … 2013-12-01 16:05: 6.7 days → windows out of sample on days 4, 5, 6, 7 (partial)
        assertThat(rolling).hasSize(4);
        for (int k = 0; k < rolling.size(); k++) {
            var w = rolling.get(k);
            assertThat(w.inEnd() - w.inStart()).isEqualTo(Duration.ofDays(3).toMillis());
            if (k > 0) {
                assertThat(w.inEnd()).isEqualTo(rolling.get(k - 1).outEnd());
            }
            assertThat(w.outOfSample().start().toEpochMilli()).isGreaterThanOrEqualTo(w.inEnd());
            assertThat(w.outOfSample().end().toEpochMilli()).isLessThan(w.outEnd());
        }
        var anchored = opt.walkForward(Duration.ofDays(3), Duration.ofDays(1), true, null);
        assertThat(anchored).allSatisfy(w -> assertThat(w.inStart()).isEqualTo(anchored.get(0).inStart()));
        assertThat(Optimizer.chainedOutOfSampleReturn(rolling)).isFinite();
    }

    @Test
    void rangesAndUnknownParametersAreCheckedWithClearMessages() {
        assertThat(ParameterGrid.parseRange("1..2 step 0.5", null)).extracting(ParameterValue::number)
                .containsExactly(1.0, 1.5, 2.0);
        assertThat(ParameterGrid.parseRange("2%,3%", null)).extracting(ParameterValue::number)
                .containsExactly(2.0, 3.0);
        var program = new SmaCrossProgram(5, 20, 2, 4);
        assertThatThrownBy(() -> ParameterGrid.of(program.info().parameters(),
                Map.of("slwo", List.of(ParameterValue.number(1)))))
                .hasMessageContaining("unknown parameter 'slwo'");
        assertThatThrownBy(() -> ParameterGrid.parseRange("5..x", null)).hasMessageContaining("a..b step c");
    }
}
