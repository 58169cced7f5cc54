package dev.stratc.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.backtest.Metrics;
import dev.stratc.strategy.ParameterValue;

/** Results reach the files as trials finish: a long search can be followed, and a stopped one keeps them. */
class ResultFilesTest {
    @TempDir
    Path dir;

    private static Optimizer.Run run(int number, double score) {
        Metrics m = new Metrics(score, score, 0, 0, Duration.ZERO, score, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1,
                Instant.EPOCH, Instant.EPOCH);
        return new Optimizer.Run(number, Map.of("fast", ParameterValue.number(number)), m, score);
    }

    private List<String> firstColumn(String file) throws Exception {
        return Files.readAllLines(dir.resolve(file)).stream().map(l -> l.split(",")[0]).toList();
    }

    @Test
    void eachFinishedRunIsOnTheDiskAtOnceAndTopCsvHoldsTheBestSoFar() throws Exception {
        ResultFiles files = new ResultFiles(dir, List.of("fast"), 2);
        assertThat(firstColumn("top.csv")).containsExactly("run");
        files.accept(run(3, 0.5));
        assertThat(firstColumn("runs.csv")).as("written before the search ends").containsExactly("run", "3");
        files.accept(run(1, 0.9));
        files.accept(run(2, 0.1));
        assertThat(firstColumn("runs.csv")).as("in the order they finished").containsExactly("run", "3", "1", "2");
        assertThat(firstColumn("top.csv")).as("the best two, best first").containsExactly("run", "1", "3");
        files.accept(run(4, 0.9));
        assertThat(firstColumn("top.csv")).as("a tie goes to the lower run number").containsExactly("run", "1", "4");
        files.close();
        assertThat(firstColumn("runs.csv")).as("in run order once closed").containsExactly("run", "1", "2", "3", "4");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("runs.csv",
                "top.csv");
    }
}
