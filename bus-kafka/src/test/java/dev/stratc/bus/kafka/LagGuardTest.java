package dev.stratc.bus.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.data.UniverseLoader;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.bus.LagGuard;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.strategy.AccountChoice;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.runtime.risk.RiskEngine;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.risk.TradingCalendar;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.Recorder;

/**
 * An engine far behind the collectors pauses new entries of the lagging partition's symbols, keeps sending exits,
 * and resumes entries once it has caught up; both changes are said in the run's events and shown in the metrics.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LagGuardTest {
    @TempDir
    static Path kafkaDir;
    @TempDir
    Path stateDir;
    private static LocalKafka kafka;

    @BeforeAll
    static void start() {
        kafka = LocalKafka.start(kafkaDir, 0);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aBacklogPausesEntriesOfItsSymbolsNotExitsAndCatchingUpResumesThem() throws Exception {
        // one partition, so the first fetch (at most 5,000 records) leaves a backlog whatever the fetch returns
        KafkaBusConfig config = KafkaBusConfig.parse(URI.create(kafka.address() + "?market=lag&partitions=1"));
        var universe = UniverseLoader.load("synth:krx?symbols=8&days=3&seed=3", ReadOptions.defaults(Market.GENERIC),
                List.of());
        List<MarketEvent> events = ReplayDataSet.fromBars("synthetic", universe.bars()).events();
        assertThat(events.size()).isGreaterThan(6_000);
        try (KafkaPublisher publisher = new KafkaPublisher(config, "collector-1")) {
            for (int i = 0; i < events.size(); i++) {
                publisher.publish(events.get(i), i);
            }
            publisher.flush();
        }
        RiskEngine risk = new RiskEngine(RiskLimits.none("CRYPTO"), TradingCalendar.named("CRYPTO", Set.of()),
                new KillSwitch(stateDir, 0));
        Recorder recorder = new Recorder();
        try (KafkaSource source = new KafkaSource(config, "lagging")) {
            LagGuard guard = new LagGuard(source, risk, recorder, 1_000);
            assertThat(source.poll(Duration.ofSeconds(60))).as("the first record").isPresent();
            guard.check();
            String symbol = events.getFirst().symbol();
            assertThat(guard.pausing()).as("thousands of records behind").isTrue();
            assertThat(risk.entriesPaused()).contains(symbol);
            assertThat(recorder.warnings).singleElement().asString().contains("records behind")
                    .contains("new entries of 8 symbol(s) paused, exits continue");
            assertThat(guard.prometheus()).contains("stratc_bus_entries_paused_symbols 8");

            Portfolio portfolio = new Portfolio();
            portfolio.setCash("A", 100_000_000);
            portfolio.mark(symbol, 10_000);
            Refusal refused = risk.check(intent(symbol, Side.BUY, false), "A", AccountLimits.NONE, portfolio, 0);
            assertThat(refused.code()).isEqualTo(Refusal.Code.ENTRIES_PAUSED);
            assertThat(refused.message()).contains("new entries of " + symbol + " are paused");
            assertThat(risk.check(intent(symbol, Side.SELL, true), "A", AccountLimits.NONE, portfolio, 0))
                    .as("an exit is sent while entries wait").isNull();

            while (!source.endOfStream()) {
                source.poll(Duration.ofMillis(200));
            }
            guard.check();
            assertThat(guard.pausing()).isFalse();
            assertThat(risk.entriesPaused()).isEmpty();
            assertThat(recorder.warnings).last().asString().contains("caught up again; new entries resumed");
            assertThat(risk.check(intent(symbol, Side.BUY, false), "A", AccountLimits.NONE, portfolio, 0)).isNull();
            assertThat(guard.prometheus()).contains("stratc_bus_entries_paused_symbols 0");
        }
    }

    private static OrderIntent intent(String symbol, Side side, boolean reducing) {
        return new OrderIntent("id-" + side, symbol, side, OrderType.MARKET, 1, Double.NaN,
                new AccountChoice.Named("A"), null, "test", reducing, 0, 0);
    }
}
