package dev.stratc.bus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.backtest.CostModel;
import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.data.UniverseLoader;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.RunState;
import dev.stratc.runtime.run.SimulatedRun;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.sim.SimConfig;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;

/**
 * A replayed data set published through a real Kafka broker (KRaft, in this JVM) gives exactly the trades of the
 * in-process bus on the same data: with one engine, with two engines of one consumer group splitting the
 * universe, and with an engine stopped in the middle and started again on its journal.
 *
 * <p>The strategy trades fixed units and the limits do not bind, so each symbol's trades depend on that symbol's
 * data alone: what makes a universe split between two engines (each with its own account) comparable.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KafkaBusEquivalenceTest {
    private static final int SYMBOLS = 8;
    private static final String SOURCE = """
            strategy("StopsOnly", timeframe: 1m, warmup: 20) {
              entry {
                when (close > sma(close, 20) AND volume > average_volume(20) * 1.5) {
                  buy(quantity: 2)
                }
              }
              exit {
                stop_loss(0.4%)
                take_profit(0.8%)
                trailing_stop(0.5%)
              }
            }
            """;

    @TempDir
    static Path kafkaDir;
    @TempDir
    Path stateDir;

    private static LocalKafka kafka;
    private static StrategyProgram program;
    private static ReplayDataSet data;
    private static List<Fill> inProcess;

    record Fill(String symbol, long time, Side side, double quantity, double price) {
    }

    @BeforeAll
    static void startBrokerAndRunInProcess(@TempDir Path baseline) throws Exception {
        kafka = LocalKafka.start(kafkaDir, 0);
        CompileResult compiled = StratCompiler.standard().compile(SOURCE, "stops.strat");
        assertThat(compiled.hasErrors()).as(compiled.diagnostics().toString()).isFalse();
        program = compiled.program();
        var universe = UniverseLoader.load("synth:krx?symbols=" + SYMBOLS + "&days=3&seed=7",
                ReadOptions.defaults(Market.GENERIC), List.of());
        data = ReplayDataSet.fromBars("synthetic KRX", universe.bars());
        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(setup(baseline, data, recorder))) {
            run.run(() -> false);
        }
        inProcess = fills(recorder);
        assertThat(inProcess).as("the strategy trades on this data").hasSizeGreaterThan(10);
        assertThat(inProcess.stream().map(Fill::symbol).distinct().count()).as("on several symbols").isGreaterThan(3);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static SimulatedRun.Setup setup(Path state, ReplayDataSet events, Recorder recorder) {
        Duration timeframe = Duration.ofMinutes(1);
        ZoneId zone = ZoneId.of("Asia/Seoul");
        RiskLimits limits = new RiskLimits(0, SYMBOLS, 0, 0, 0, 0, 0, false, true, Double.NaN, 0, "CRYPTO", 5);
        return new SimulatedRun.Setup(state, program, StrategySettings.defaults(timeframe, zone),
                EngineConfig.of(program.info().name(), RunMode.PAPER, timeframe, zone, RunState.tag(state), 1),
                events, new SimConfig("KRW", 100_000_000, CostModel.defaults(Market.GENERIC), false),
                List.of("SIM"), limits, Set.of(), recorder, 0, false);
    }

    private static List<Fill> fills(Recorder recorder) {
        List<Fill> fills = new ArrayList<>();
        for (OrderEvent.Fill f : recorder.fills) {
            fills.add(new Fill(f.symbol(), f.time(), f.side(), f.quantity(), f.price()));
        }
        return fills;
    }

    private static List<Fill> sorted(List<Fill> fills) {
        List<Fill> copy = new ArrayList<>(fills);
        copy.sort(Comparator.comparingLong(Fill::time).thenComparing(Fill::symbol).thenComparing(Fill::side));
        return copy;
    }

    /** Publishes the data set as a collector replaying it would: each event's sequence is its position. */
    private static KafkaBusConfig publish(String market) {
        KafkaBusConfig config = KafkaBusConfig.parse(URI.create(kafka.address() + "?market=" + market + "&partitions=4"));
        try (KafkaPublisher publisher = new KafkaPublisher(config, "collector-1")) {
            List<MarketEvent> events = data.events();
            for (int i = 0; i < events.size(); i++) {
                publisher.publish(events.get(i), i);
            }
            publisher.flush();
        }
        return config;
    }

    private static final ReplayDataSet NOTHING = new ReplayDataSet("kafka", List.of());

    private long last() {
        return data.events().size() - 1;
    }

    @Test
    void oneEngineOnKafkaTradesExactlyAsTheInProcessBus() throws Exception {
        KafkaBusConfig config = publish("one");
        // a collector restarted in the middle sends the first 500 events again, with the same sequences
        try (KafkaPublisher restarted = new KafkaPublisher(config, "collector-1")) {
            for (int i = 0; i < 500; i++) {
                restarted.publish(data.events().get(i), i);
            }
            restarted.flush();
        }
        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(setup(stateDir, NOTHING, recorder));
             KafkaSource source = new KafkaSource(config, "one-engine")) {
            run.run(() -> run.engine().sequence() >= last(), source);
            assertThat(source.poll(Duration.ofSeconds(5))).as("what is left is only the resent events").isEmpty();
            assertThat(source.duplicatesDropped()).as("the restarted collector's duplicates").isEqualTo(500);
            assertThat(source.recordsOut()).isEqualTo(data.events().size());
        }
        assertThat(fills(recorder)).containsExactlyElementsOf(inProcess);
    }

    /**
     * The engines join before the data comes, so they read at the live edge, where a partition with nothing to
     * read may only be behind: the collector's watermarks keep the delivery in sequence order, and its end of
     * stream tells each engine exactly when it has had all of its share.
     */
    @Test
    void twoEnginesOfOneGroupSplitTheUniverseAndTogetherTradeAsOne() throws Exception {
        KafkaBusConfig config = KafkaBusConfig.parse(URI.create(kafka.address() + "?market=two&partitions=4"));
        KafkaPublisher.ensureTopics(config);
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        AtomicLong delivered = new AtomicLong();
        try (SimulatedRun a = SimulatedRun.open(setup(stateDir.resolve("a"), NOTHING, first));
             SimulatedRun b = SimulatedRun.open(setup(stateDir.resolve("b"), NOTHING, second));
             KafkaSource sourceA = new KafkaSource(config, "two-engines");
             KafkaSource sourceB = new KafkaSource(config, "two-engines")) {
            // both join the group before the data comes, so the split is settled before anything is traded
            Thread ta = engineThread("engine-a", a, sourceA, sourceA::endOfStream);
            Thread tb = engineThread("engine-b", b, sourceB, sourceB::endOfStream);
            waitFor(() -> sourceA.assignment().size() + sourceB.assignment().size() == 12
                    && !sourceA.assignment().isEmpty() && !sourceB.assignment().isEmpty());
            long movedBefore = sourceA.partitionsMoved() + sourceB.partitionsMoved();
            publish("two");
            ta.join(TimeUnit.MINUTES.toMillis(2));
            tb.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(ta.isAlive() || tb.isAlive()).as("both engines got to the end of the data").isFalse();
            assertThat(sourceA.recordsOut() + sourceB.recordsOut()).as("every record delivered once, to one engine")
                    .isEqualTo(data.events().size());
            // a partition handed over mid-run is not warmed yet (a known gap, docs/runtime.md): a rebalance during
            // the run (seen on a heavily loaded machine) makes this run say nothing about the split's equivalence
            assumeThat(sourceA.partitionsMoved() + sourceB.partitionsMoved())
                    .as("partitions moved between the engines during the run").isEqualTo(movedBefore);
            assertThat(fills(first)).as("engine a trades its share").isNotEmpty();
            assertThat(fills(second)).as("engine b trades its share").isNotEmpty();
            Set<String> symbolsA = Set.copyOf(fills(first).stream().map(Fill::symbol).toList());
            assertThat(fills(second)).as("no symbol is traded by both").noneMatch(f -> symbolsA.contains(f.symbol()));
        }
        List<Fill> together = new ArrayList<>(fills(first));
        together.addAll(fills(second));
        assertThat(sorted(together)).containsExactlyElementsOf(sorted(inProcess));
    }

    @Test
    void anEngineStoppedInTheMiddleResumesFromItsJournalWithNothingLostOrTwice() throws Exception {
        KafkaBusConfig config = publish("restart");
        long middle = last() / 2;
        Recorder before = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(setup(stateDir, NOTHING, before));
             KafkaSource source = new KafkaSource(config, "restarting")) {
            run.run(() -> run.engine().sequence() >= middle, source);
        }
        assertThat(fills(before)).as("trades before the stop").isNotEmpty();
        Recorder after = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(setup(stateDir, NOTHING, after));
             KafkaSource source = new KafkaSource(config, "restarting")) {
            assertThat(run.engine().resumeAfter()).as("the journal's position").isGreaterThanOrEqualTo(middle);
            run.run(() -> run.engine().sequence() >= last(), source);
        }
        List<Fill> both = new ArrayList<>(fills(before));
        both.addAll(fills(after));
        assertThat(both).containsExactlyElementsOf(inProcess);
    }

    private static Thread engineThread(String name, SimulatedRun run, KafkaSource source, BooleanSupplier stop) {
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                run.run(stop, source);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for the consumer group to settle");
            }
            Thread.sleep(50);
        }
    }
}
