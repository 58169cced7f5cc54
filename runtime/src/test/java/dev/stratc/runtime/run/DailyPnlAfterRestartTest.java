package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.BuyAndHoldProgram;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;

/**
 * Today's P&L after a restart: a broker run does not replay the market, so it counts today from the start-of-day
 * equity kept in the journal, and the daily loss limit reads that figure as soon as the books are rebuilt.
 */
class DailyPnlAfterRestartTest {
    private static final BuyAndHoldProgram HOLDER = new BuyAndHoldProgram(10, Duration.ofMinutes(1));

    @TempDir
    Path stateDir;

    /**
     * The sample from its start past its first midnight (UTC), ending at the first trade at least 1,000 trades
     * later that is 0.5% below midnight's price: a holder is down on the day.
     */
    private static ReplayDataSet acrossMidnight() {
        List<MarketEvent> all = Runs.sample().events();
        LocalDate first = day(all.getFirst());
        int midnight = 0;
        while (day(all.get(midnight)).equals(first)) {
            midnight++;
        }
        double atMidnight = ((MarketEvent.Trade) all.get(midnight - 1)).price();
        int end = midnight + 1_000;
        while (((MarketEvent.Trade) all.get(end)).price() > atMidnight * 0.995) {
            end++;
        }
        return new ReplayDataSet("across midnight", all.subList(0, end + 1));
    }

    private static LocalDate day(MarketEvent event) {
        return LocalDate.ofInstant(java.time.Instant.ofEpochMilli(event.time()), ZoneOffset.UTC);
    }

    @Test
    void aRestartWithoutReplayCountsTodayFromTheJournalledStartOfDayEquityAndTheKillSwitchReadsIt()
            throws Exception {
        ReplayDataSet data = acrossMidnight();
        double dayStart;
        double today;
        double fillPrice;
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, HOLDER, data, RunMode.PAPER,
                RiskLimits.none("CRYPTO"), List.of("SIM"), new Recorder()))) {
            assertThat(run.run(() -> false)).isTrue();
            Portfolio portfolio = run.engine().portfolio();
            dayStart = portfolio.dayStartEquity("SIM");
            today = portfolio.dailyPnl("SIM");
            fillPrice = portfolio.position("SIM", "BTCUSD").entryPrice();
            assertThat(portfolio.position("SIM", "BTCUSD").quantity()).as("held across midnight").isEqualTo(10);
        }
        List<ObjectNode> journalled = Journal.readAll(stateDir).records().stream()
                .filter(r -> r.path("type").asText().equals("dayStart")).toList();
        assertThat(journalled).singleElement().satisfies(r -> {
            assertThat(r.path("day").asText()).isEqualTo(day(data.events().getLast()).toString());
            assertThat(r.path("equity").asDouble()).isEqualTo(dayStart);
        });
        double cash = 100_000 - 10 * fillPrice - 10 * fillPrice * 0.0005;
        assertThat(dayStart).as("marked at midnight's price, not at the fill's").isNotCloseTo(cash + 10 * fillPrice,
                within(1.0));
        assertThat(today).isNotZero();

        // restarted the way a broker run starts: the books from the journal at once, then the broker's price
        double lastPrice = ((MarketEvent.Trade) data.events().getLast()).price();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, HOLDER, data, RunMode.PAPER,
                RiskLimits.none("CRYPTO"), List.of("SIM"), new Recorder()))) {
            run.engine().reconcile();
            Portfolio portfolio = run.engine().portfolio();
            portfolio.mark("BTCUSD", lastPrice);
            assertThat(portfolio.dayStartEquity("SIM")).isEqualTo(dayStart);
            assertThat(portfolio.dailyPnl("SIM")).isCloseTo(today, within(1e-6));
        }

        // a daily loss limit just inside today's loss throws the kill switch as soon as the restart has the books
        assertThat(today).as("the holder is down on the day").isNegative();
        RiskLimits limit = new RiskLimits(0, 0, 0, 0, 0, 0, -today * 0.9, false, true, Double.NaN, 0, "CRYPTO", 10);
        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, HOLDER, data, RunMode.PAPER, limit,
                List.of("SIM"), recorder))) {
            run.engine().reconcile();
            assertThat(recorder.kills).as("not on the journalled fill's price, which is not today's").isEmpty();
            run.engine().portfolio().mark("BTCUSD", lastPrice);
            run.engine().housekeeping();
            assertThat(recorder.kills).singleElement().asString().contains("daily loss");
        }
    }
}
