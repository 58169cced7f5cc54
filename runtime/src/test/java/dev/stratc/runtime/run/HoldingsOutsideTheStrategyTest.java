package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.ops.ConsoleReport;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.portfolio.Holding;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.CryptoAccounts;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Stops;

/**
 * Holdings the run did not open are never traded by the strategy: not by its exits, not by its stops, not by
 * the kill switch's flattening. They are reported, count toward exposure, and are the strategy's only with
 * {@code adopt_holdings}.
 */
class HoldingsOutsideTheStrategyTest {
    private static final ReplayDataSet DATA = Runs.sample(6_000);
    /** Enters on every upward cross with 0.5 BTC and leaves by the cross down, a 0.4% stop or after 3 minutes. */
    private static final SmaCrossProgram TRADER = new SmaCrossProgram(3, 8, new Quantity.Units(0.5),
            new Stops(0.4, Double.NaN, Double.NaN, Duration.ofMinutes(3).toMillis()), Duration.ofMinutes(1));

    @TempDir
    Path stateDir;

    @Test
    void anAccountWithExistingCoinsEndsTheRunHoldingThemWhateverTheStrategyAndItsStopsDid() throws Exception {
        Recorder recorder = new Recorder();
        try (SimulatedRun run = CryptoAccounts.open(CryptoAccounts.setup(stateDir, TRADER, DATA,
                RiskLimits.none("CRYPTO"), List.of("BN"), recorder), 1.0, Set.of())) {
            assertThat(run.run(() -> false)).isTrue();
            Portfolio portfolio = run.engine().portfolio();

            assertThat(recorder.sent).as("the strategy traded BTCUSD itself").hasSizeGreaterThan(6);
            assertThat(recorder.sent).as("its time stop fired while the coins were there")
                    .anyMatch(i -> i.reason().startsWith("time_stop"));
            Map<String, Double> venue = holdings(run, "BN");
            double strategy = portfolio.position("BN", "BTCUSD").quantity() + portfolio.dust("BN", "BTCUSD");
            assertThat(venue.get("BTCUSD") - strategy).as("the BTC the run did not buy").isCloseTo(1.0, within(1e-9));
            assertThat(venue.get("ETHUSD")).isEqualTo(10.0);
            assertThat(portfolio.outside("BN", "BTCUSD")).isCloseTo(1.0, within(1e-9));
            assertThat(portfolio.outside("BN", "ETHUSD")).isEqualTo(10.0);
            assertThat(recorder.notes).anyMatch(n -> n.contains("holds 1 BTCUSD held outside the strategy"))
                    .anyMatch(n -> n.contains("holds 10 ETHUSD held outside the strategy") && n.contains("no price"));

            StringWriter status = new StringWriter();
            new ConsoleReport(new PrintWriter(status), ZoneId.of("UTC")).status(run.engine());
            assertThat(status.toString()).contains("BTCUSD", "held outside the strategy", "unknown (counted as 0)")
                    .contains("cash ").contains(" USD");
        }
    }

    @Test
    void theKillSwitchFlattensTheStrategysPositionsAndNothingElse() throws Exception {
        // any loss at all throws the kill switch: the first losing trade (fees alone make one) does
        RiskLimits limits = new RiskLimits(0, 0, 0, 0, 0, 0, 1, true, true, Double.NaN, 0, "CRYPTO", 10);
        SmaCrossProgram holder = new SmaCrossProgram(3, 8, new Quantity.Units(0.5), Stops.NONE, Duration.ofMinutes(1));
        Recorder recorder = new Recorder();
        try (SimulatedRun run = CryptoAccounts.open(CryptoAccounts.setup(stateDir, holder, DATA, limits,
                List.of("BN"), recorder), 2.0, Set.of())) {
            run.run(() -> false);
            assertThat(recorder.kills).isNotEmpty();
            List<OrderIntent> flattening = recorder.sent.stream().filter(i -> i.reason().startsWith("kill switch"))
                    .toList();
            assertThat(flattening).allSatisfy(i -> assertThat(i.quantity()).isLessThan(1));
            Portfolio portfolio = run.engine().portfolio();
            double strategy = portfolio.position("BN", "BTCUSD").quantity() + portfolio.dust("BN", "BTCUSD");
            assertThat(holdings(run, "BN").get("BTCUSD") - strategy).isCloseTo(2.0, within(1e-9));
        }
    }

    @Test
    void whatTheBrokerHoldsBeyondWhatTheJournalOpenedStaysOutsideTheStrategy() throws Exception {
        // the journal opened 5, then 100 more arrived at the broker while the run was stopped: 100 are outside
        SmaCrossProgram fiveAtATime = new SmaCrossProgram(3, 8, new Quantity.Units(5), Stops.NONE,
                Duration.ofMinutes(1));
        SimulatedRun.Setup setup = Runs.setup(stateDir, fiveAtATime, DATA, RunMode.PAPER, RiskLimits.none("CRYPTO"),
                List.of("SIM"), new Recorder());
        try (SimulatedRun run = SimulatedRun.open(setup)) {
            run.run(() -> run.engine().portfolio().position("SIM", "BTCUSD").quantity() != 0);
            assertThat(run.engine().portfolio().position("SIM", "BTCUSD").quantity()).isEqualTo(5.0);
            run.exchange().holdAtStart("SIM", "BTCUSD", 100, 650);
        }
        Recorder recorder = new Recorder();
        SimulatedRun.Setup again = new SimulatedRun.Setup(setup.stateDir(), setup.program(), setup.settings(),
                setup.engine(), setup.data(), setup.sim(), setup.accountIds(), setup.limits(), setup.holidays(),
                recorder, 0, false);
        try (SimulatedRun run = SimulatedRun.open(again)) {
            Portfolio portfolio = run.engine().portfolio();
            run.run(() -> false);
            assertThat(recorder.sent).as("the strategy went on trading").isNotEmpty();
            assertThat(recorder.sent).filteredOn(i -> i.side() == Side.SELL)
                    .allSatisfy(i -> assertThat(i.quantity()).isEqualTo(5.0));
            assertThat(holdings(run, "SIM").getOrDefault("BTCUSD", 0.0)
                    - portfolio.position("SIM", "BTCUSD").quantity()).isEqualTo(100.0);
            assertThat(recorder.notes).anyMatch(n -> n.contains("holds 100 BTCUSD held outside the strategy"));
        }
    }

    @Test
    void holdingsOutsideTheStrategyCountTowardTheExposureLimit() throws Exception {
        // 1 BTC outside (about 800 USD in the sample) and 0.5 BTC more go past 900 USD; 0.5 BTC alone would not
        RiskLimits limits = new RiskLimits(0, 0, 0, 900, 0, 0, 0, false, true, Double.NaN, 0, "CRYPTO", 10);
        Recorder recorder = new Recorder();
        try (SimulatedRun run = CryptoAccounts.open(CryptoAccounts.setup(stateDir, TRADER, DATA, limits,
                List.of("BN"), recorder), 1.0, Set.of())) {
            run.run(() -> false);
            assertThat(recorder.sent).isEmpty();
            assertThat(recorder.refusals).isNotEmpty().allSatisfy(r -> assertThat(r.message()).contains("would hold"));
            assertThat(run.engine().portfolio().exposure("BN")).isGreaterThan(700);
        }
    }

    @Test
    void withAdoptHoldingsTheCoinsFoundBecomeTheStrategysPosition() throws Exception {
        SmaCrossProgram seller = new SmaCrossProgram(3, 8, new Quantity.Units(0.5), Stops.NONE, Duration.ofMinutes(1));
        Recorder recorder = new Recorder();
        try (SimulatedRun run = CryptoAccounts.open(CryptoAccounts.setup(stateDir, seller, DATA,
                RiskLimits.none("CRYPTO"), List.of("BN"), recorder), 1.0, Set.of("BN"))) {
            run.run(() -> false);
            Portfolio portfolio = run.engine().portfolio();
            assertThat(recorder.notes).anyMatch(n -> n.contains("handed to the strategy (adopt_holdings: true)"));
            // the adopted coin was the strategy's to sell: its first order is the exit of the whole of it
            OrderIntent first = recorder.sent.getFirst();
            assertThat(first.side()).isEqualTo(Side.SELL);
            assertThat(first.quantity()).isEqualTo(1.0);
            assertThat(portfolio.outside("BN", "BTCUSD")).isZero();
            assertThat(portfolio.holdings("BN")).extracting(Holding::symbol).doesNotContain("BTCUSD");
            Map<String, Double> venue = holdings(run, "BN");
            assertThat(venue.getOrDefault("BTCUSD", 0.0)).isCloseTo(portfolio.position("BN", "BTCUSD").quantity()
                    + portfolio.dust("BN", "BTCUSD"), within(1e-9));
        }
    }

    private static Map<String, Double> holdings(SimulatedRun run, String account) {
        return run.exchange().broker(account).positions().stream()
                .collect(Collectors.toMap(BrokerPosition::symbol, BrokerPosition::quantity));
    }
}
