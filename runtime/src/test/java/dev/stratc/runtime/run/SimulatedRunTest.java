package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;

class SimulatedRunTest {
    @TempDir
    Path stateDir;

    @Test
    void aPaperRunTradesAgainstTheSimulatedExchangeAndItsBooksMatchTheExchange() throws Exception {
        Recorder recorder = new Recorder();
        ReplayDataSet data = Runs.sample(8_000);
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(3, 8), data, RunMode.PAPER,
                RiskLimits.none("CRYPTO"), List.of("SIM-A", "SIM-B"), recorder))) {
            assertThat(run.run(() -> false)).isTrue();

            assertThat(recorder.sent).hasSizeGreaterThan(10);
            assertThat(recorder.fills).hasSizeGreaterThanOrEqualTo(recorder.sent.size() - 1);
            assertThat(recorder.signals).isNotEmpty();
            assertThat(recorder.warnings).isEmpty();
            for (Account account : run.accounts()) {
                Map<String, Double> theirs = account.broker().positions().stream()
                        .collect(Collectors.toMap(BrokerPosition::symbol, BrokerPosition::quantity));
                Map<String, Double> ours = run.engine().portfolio().openPositions(account.id()).stream()
                        .collect(Collectors.toMap(p -> p.symbol(), p -> p.quantity()));
                assertThat(ours).isEqualTo(theirs);
                double brokerCash = account.broker().balances().stream().mapToDouble(Balance::total).sum();
                assertThat(run.engine().portfolio().cash(account.id())).isCloseTo(brokerCash, within(1e-6));
            }
            // the least-loaded routing spreads entries over both accounts
            assertThat(run.engine().orders().all()).extracting(o -> o.account()).contains("SIM-A", "SIM-B");
        }
    }

    @Test
    void aMarketOrderFillsAtTheFirstTradeAfterTheDecisionNotAtThePriceThatTriggeredIt() throws Exception {
        Recorder recorder = new Recorder();
        ReplayDataSet data = Runs.sample(5_000);
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(3, 8), data, RunMode.PAPER,
                RiskLimits.none("CRYPTO"), List.of("SIM"), recorder))) {
            run.run(() -> false);
        }
        OrderIntent first = recorder.sent.getFirst();
        OrderEvent.Fill fill = recorder.fills.getFirst();
        MarketEvent.Trade next = (MarketEvent.Trade) data.events().get((int) first.sequence() + 1);
        assertThat(fill.clientOrderId()).isEqualTo(first.clientOrderId());
        assertThat(fill.price()).isEqualTo(next.price());
        assertThat(fill.time()).isEqualTo(next.time());
    }

    @Test
    void theJournalIsOneCheckedJsonObjectPerLineInOneFilePerAccountPerDay() throws Exception {
        SimulatedRun.Setup setup = Runs.setup(stateDir, SmaCrossProgram.of(3, 8), Runs.sample(4_000), RunMode.PAPER,
                RiskLimits.none("CRYPTO"), List.of("SIM"), new Recorder());
        SimulatedRun.Setup synced = new SimulatedRun.Setup(setup.stateDir(), setup.program(), setup.settings(),
                setup.engine(), setup.data(), setup.sim(), setup.accountIds(), setup.limits(), setup.holidays(),
                setup.events(), 0, true);
        try (SimulatedRun run = SimulatedRun.open(synced)) {
            run.run(() -> false);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(stateDir.resolve("journal"))) {
            files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getParent().getFileName() + "/" + p.getFileName())
                .contains("2013-11-25/SIM.jsonl", "2013-11-25/_run.jsonl");
        ObjectMapper json = new ObjectMapper();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            assertThat(json.readTree(lines.getFirst()).path("type").asText()).as("each day file begins with its chain line")
                    .isEqualTo("chain");
            for (String line : lines.subList(1, lines.size())) {
                var node = json.readTree(line);
                assertThat(node.path("crc").asText()).hasSize(8);
                assertThat(node.path("n").asLong()).isPositive();
            }
        }
        String fills = String.join("\n", Files.readAllLines(files.stream()
                .filter(f -> f.getFileName().toString().equals("SIM.jsonl")).findFirst().orElseThrow()));
        assertThat(fills).contains("\"kind\":\"Fill\"").doesNotContain("secret");
    }

    @Test
    void dryRunDecidesButSendsNothing() throws IOException, InterruptedException {
        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(3, 8), Runs.sample(5_000),
                RunMode.DRY_RUN, RiskLimits.none("CRYPTO"), List.of("SIM"), recorder))) {
            run.run(() -> false);
            assertThat(recorder.planned).isNotEmpty();
            assertThat(recorder.sent).isEmpty();
            assertThat(run.accounts().getFirst().broker().openOrders()).isEmpty();
            assertThat(run.accounts().getFirst().broker().positions()).isEmpty();
        }
    }
}
