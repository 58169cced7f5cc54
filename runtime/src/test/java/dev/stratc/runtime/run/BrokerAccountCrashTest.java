package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.testing.ChildProcess;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.SampleDays;

/**
 * Kills a paper run on a Binance-like account (coins held before the run, fees in the coin, dust) with SIGKILL
 * at random moments across a midnight, restarting it each time, then compares it with the same run never
 * killed: the same orders and fills at the venue, the coins the run did not buy still there, and today's P&L
 * and the start-of-day equity it counts from equal — also when the books are rebuilt without a replay, as a
 * run on a broker does.
 */
class BrokerAccountCrashTest {
    private static final int KILLS = 6;

    @TempDir
    Path stateDir;

    @TempDir
    Path referenceDir;

    @Test
    void killedAndRestartedAcrossMidnightItsDailyPnlAndHoldingsEqualTheRunNeverKilled() throws Exception {
        Map<String, Figures> reference = new HashMap<>();
        Map<String, List<String>> referenceFills = new HashMap<>();
        try (SimulatedRun run = BrokerAccountCrashChild.open(referenceDir, new Recorder())) {
            assertThat(run.run(() -> false)).isTrue();
            for (String account : BrokerAccountCrashChild.ACCOUNTS) {
                reference.put(account, Figures.of(run.engine().portfolio(), account));
                referenceFills.put(account, fills(run, account));
            }
        }

        int events = SampleDays.firstMidnight() + BrokerAccountCrashChild.AFTER_MIDNIGHT;
        Random random = new Random(20261203);
        int slice = events / (KILLS + 1);
        int interrupted = 0;
        for (int i = 0; i < KILLS; i++) {
            Process child = start(slice * i + 1 + random.nextInt(slice));
            if (awaitAnnouncement(child)) {
                child.destroyForcibly();
                child.waitFor();
                interrupted++;
            }
        }
        Process last = start(-1);
        assertThat(last.waitFor(180, TimeUnit.SECONDS)).as("the last run finishes").isTrue();
        String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(last.exitValue()).as(output + Files.readString(stateDir.resolve("child-stderr.log"))).isZero();
        assertThat(output).contains("finished");
        assertThat(interrupted).as("runs actually killed mid-way").isGreaterThanOrEqualTo(KILLS / 2);

        List<ObjectNode> journal = Journal.readAll(stateDir).records();
        double lastPrice = ((MarketEvent.Trade) SampleDays.acrossMidnight(BrokerAccountCrashChild.AFTER_MIDNIGHT)
                .events().getLast()).price();
        try (SimulatedRun run = BrokerAccountCrashChild.open(stateDir, new Recorder())) {
            assertThat(run.exchange().duplicateSubmissions()).isZero();
            // rebuilt as a run on a broker is: the journal at once, no replay, then the market's price
            run.engine().reconcile();
            run.engine().portfolio().mark("BTCUSD", lastPrice);
            Portfolio portfolio = run.engine().portfolio();
            for (String account : BrokerAccountCrashChild.ACCOUNTS) {
                assertThat(fills(run, account)).as(account + ": the venue's fills").isEqualTo(referenceFills.get(account));
                Figures crashed = Figures.of(portfolio, account);
                Figures expected = reference.get(account);
                System.out.printf("broker-account crash test %s: %s (never killed: %s)%n", account, crashed, expected);
                assertThat(crashed.dayStart()).as(account + " start-of-day equity").isCloseTo(expected.dayStart(),
                        within(1e-6));
                assertThat(crashed.today()).as(account + " today's P&L").isCloseTo(expected.today(), within(1e-6));
                assertThat(crashed.equity()).as(account + " equity").isCloseTo(expected.equity(), within(1e-6));
                assertThat(expected.today()).as("the day traded").isNotZero();

                List<ObjectNode> dayStarts = journal.stream().filter(r -> r.path("type").asText().equals("dayStart")
                        && r.path("account").asText().equals(account)).toList();
                assertThat(dayStarts).as(account + ": one start of day, whatever the restarts").singleElement()
                        .satisfies(r -> assertThat(r.path("equity").asDouble())
                                .isCloseTo(expected.dayStart(), within(1e-6)));

                Map<String, Double> venue = run.exchange().broker(account).positions().stream()
                        .collect(Collectors.toMap(BrokerPosition::symbol, BrokerPosition::quantity));
                double strategy = portfolio.position(account, "BTCUSD").quantity() + portfolio.dust(account, "BTCUSD");
                assertThat(venue.get("BTCUSD") - strategy).as(account + ": the coin it did not buy")
                        .isCloseTo(1.0, within(1e-9));
                assertThat(venue.get("ETHUSD")).isEqualTo(10.0);
                assertThat(portfolio.outside(account, "BTCUSD")).isCloseTo(1.0, within(1e-9));
            }
        }
    }

    /** What a trader reads off an account at the end. */
    private record Figures(double dayStart, double today, double equity) {
        static Figures of(Portfolio portfolio, String account) {
            return new Figures(portfolio.dayStartEquity(account), portfolio.dailyPnl(account),
                    portfolio.tradingEquity(account));
        }
    }

    private static List<String> fills(SimulatedRun run, String account) {
        return run.exchange().orders(account).stream().map(BrokerAccountCrashTest::describe).toList();
    }

    /** An order as the venue has it, its id without the run tag (each state directory has its own). */
    private static String describe(OrderReport o) {
        String id = o.clientOrderId();
        return id.substring(id.indexOf('-') + 1) + " " + o.side() + " " + o.filledQuantity() + " @ "
                + o.averageFillPrice();
    }

    private static boolean awaitAnnouncement(Process child) throws Exception {
        return ChildProcess.awaitLine(child, "reached ", Duration.ofSeconds(180));
    }

    private Process start(int killAt) throws Exception {
        return ChildProcess.start(BrokerAccountCrashChild.class, stateDir.resolve("child-stderr.log"), Map.of(),
                stateDir.toString(), String.valueOf(killAt));
    }
}
