package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The table {@code stratc optimize} prints: a column per parameter, every cell under its header. */
class OptimizeTableTest {
    /** A cell: text without two spaces in a row. */
    private static final Pattern CELL = Pattern.compile("\\S+(?: \\S+)*");

    private static List<Integer> rightEdges(String line) {
        List<Integer> edges = new ArrayList<>();
        Matcher m = CELL.matcher(line);
        while (m.find()) {
            edges.add(m.end());
        }
        return edges;
    }

    @Test
    void everyRowLinesUpWithTheHeaderAndRatiosOverTooFewTradesSayNotApplicable() {
        CliRun run = CliRun.run("optimize", "../examples/rsi2.strat", "--data", BacktestCommandsTest.BTC,
                "--capital", "10000", "-P", "oversold=3,10", "-P", "overbought=90,98", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("run ")).findFirst().orElseThrow());
        assertThat(lines.get(header)).containsPattern("run\\s+oversold\\s+overbought\\s+score\\s+net ret %");
        List<String> rows = lines.subList(header + 1, header + 5);
        for (String row : rows) {
            assertThat(rightEdges(row)).as("under the header:\n" + lines.get(header) + "\n" + row)
                    .isEqualTo(rightEdges(lines.get(header)));
            assertThat(row).doesNotContain("=");
        }
        assertThat(rows).as("a Sharpe over one or two trades is no result")
                .anyMatch(r -> r.matches(".*n/a \\(\\d trades?\\).*"));
    }
}
