package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.backtest.Trade;

/**
 * The examples of language v2's orders trade the same in a paper run against the simulated exchange as in a
 * backtest ({@link PaperBacktestEquivalenceTest}'s fixture: the synthetic KRX universe, KRX costs and a one-tick
 * slippage): stop entries, expiring limits and pyramided adds held by the run and sent when the bar reaches them,
 * stops at a price evaluated for the position's own entry price, and bars_since_entry counted from the same bar.
 * The daily examples run on the universe's one-minute bars (their rules count bars, so only the scale changes).
 */
class OrderTypesPaperBacktestTest {
    @TempDir
    Path stateDir;

    private static String example(String name) throws Exception {
        return Files.readString(Path.of("../examples", name), StandardCharsets.UTF_8).replace("timeframe: 1d",
                "timeframe: 1m");
    }

    @Test
    void turtleWithPyramidingTradesTheSameOnPaper() throws Exception {
        // two shares a unit, so that four units of 20 symbols stay within the capital (limits that do not bind)
        List<Trade> trades = PaperBacktestEquivalenceTest.assertSameTradesIn(example("turtle.strat")
                .replace("unit = 10", "unit = 2"), "turtle.strat", stateDir.resolve("turtle"));
        assertThat(trades).as("some positions pyramided").anyMatch(t -> t.quantity() > 2);
    }

    @Test
    void expiringLimitEntryTradesTheSameOnPaper() throws Exception {
        PaperBacktestEquivalenceTest.assertSameTradesIn(example("limit-dip.strat"), "limit-dip.strat",
                stateDir.resolve("limit"));
    }

    @Test
    void tickScalperStopsTheSameOnPaper() throws Exception {
        List<Trade> trades = PaperBacktestEquivalenceTest.assertSameTradesIn(example("tick-scalper.strat"),
                "tick-scalper.strat", stateDir.resolve("scalper"));
        assertThat(trades).extracting(Trade::exitReason).contains("stop_loss");
    }

    /**
     * The unconfirmed report that bars_since_entry differs by one bar between paper and backtest: it did (a fill at
     * a bar's open was booked on the bar before, which had closed), and this is the check that it no longer does.
     */
    @Test
    void barsSinceEntryCountsTheSameOnPaper() throws Exception {
        String source = """
                strategy("BarsHeld", timeframe: 1m, warmup: 20) {
                  entry {
                    when (close > sma(close, 20) AND volume > average_volume(20) * 1.5) {
                      buy(quantity: 2)
                    }
                  }
                  exit {
                    when (bars_since_entry >= 3) {
                      sell("all")
                    }
                  }
                }
                """;
        List<Trade> trades = PaperBacktestEquivalenceTest.assertSameTradesIn(source, "bars.strat",
                stateDir.resolve("bars"));
        assertThat(trades).filteredOn(t -> !t.exitReason().equals("end_of_data"))
                .allSatisfy(t -> assertThat(t.exitBar() - t.entryBar()).isEqualTo(4));
    }
}
