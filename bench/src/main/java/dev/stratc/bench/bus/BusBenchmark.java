package dev.stratc.bench.bus;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.stratc.bus.kafka.KafkaBusConfig;
import dev.stratc.bus.kafka.KafkaPublisher;
import dev.stratc.bus.kafka.KafkaSource;
import dev.stratc.bus.kafka.LocalKafka;
import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.runtime.bus.InProcessBus;
import dev.stratc.runtime.bus.MarketDataBus;
import dev.stratc.runtime.bus.SequencedSource;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.RunState;
import dev.stratc.runtime.run.SimulatedRun;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.sim.SimConfig;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;

/**
 * A whole-process benchmark of the Kafka bus against a single-node KRaft broker in this JVM, on loopback:
 * <ol>
 *   <li>publish throughput of trade records from one collector (one thread, 2,700 symbols, batching and lz4 on);</li>
 *   <li>end-to-end latency from {@code publish} to the end of the strategy's bar-close evaluation of that bar
 *       (the engine of {@code stratc run --bus}, {@code examples/momentum.strat}, the simulated exchange), with
 *       the in-process bus through the same engine loop as the peer.</li>
 * </ol>
 * {@code java -cp bench/target/benchmarks.jar dev.stratc.bench.bus.BusBenchmark [TRADES] [BARS_PER_SECOND]}
 */
public final class BusBenchmark {
    private static final int SYMBOLS = 2_700;

    public static void main(String[] args) throws Exception {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int barsPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path dir = Files.createTempDirectory("stratc-bus-bench");
        try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), 0)) {
            for (int round = 0; round < 3; round++) {
                throughput(kafka, trades, 1);
            }
            throughput(kafka, trades, 2);
            StrategyProgram program = compile();
            long[] viaKafka = latency(program, dir.resolve("kafka-engine"), barsPerSecond, kafka);
            long[] inProcess = latency(program, dir.resolve("in-process-engine"), barsPerSecond, null);
            report("Kafka bus", viaKafka);
            report("in-process bus", inProcess);
        }
    }

    private static String[] symbols() {
        String[] symbols = new String[SYMBOLS];
        for (int i = 0; i < SYMBOLS; i++) {
            symbols[i] = String.format("%06d", i * 7 + 5930);
        }
        return symbols;
    }

    private static void throughput(LocalKafka kafka, int trades, int threads) throws InterruptedException {
        KafkaBusConfig config = KafkaBusConfig.parse(URI.create(kafka.address() + "?market=throughput&partitions=12"));
        String[] symbols = symbols();
        try (KafkaPublisher publisher = new KafkaPublisher(config, "bench")) {
            long start = System.nanoTime();
            long time = 1_700_000_000_000L;
            Thread[] senders = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int first = t;
                senders[t] = Thread.ofPlatform().start(() -> {
                    for (int i = first; i < trades; i += threads) {
                        publisher.publish(new MarketEvent.Trade(symbols[i % SYMBOLS], time + i / SYMBOLS,
                                50_000 + i % 100, 10), i);
                    }
                });
            }
            for (Thread sender : senders) {
                sender.join();
            }
            long sent = System.nanoTime();
            publisher.flush();
            long acked = System.nanoTime();
            System.out.printf(Locale.ROOT, "publish (%d thread(s)): %,d trades in %.2f s = %,.0f records/s acknowledged by the broker"
                    + " (send loop %,.0f records/s)%n", threads, trades, (acked - start) / 1e9, trades / ((acked - start) / 1e9),
                    trades / ((sent - start) / 1e9));
        }
    }

    private static StrategyProgram compile() throws IOException {
        String source = Files.readString(Path.of("examples/momentum.strat"), StandardCharsets.UTF_8);
        CompileResult compiled = StratCompiler.standard().compile(source, "momentum.strat");
        if (compiled.hasErrors()) {
            throw new IllegalStateException(compiled.diagnostics().toString());
        }
        return compiled.program();
    }

    /**
     * Publishes 1-minute bars of 200 symbols at {@code barsPerSecond} (wall time) and measures publish → the engine
     * has evaluated the bar, for every bar after the first 2,000.
     */
    private static long[] latency(StrategyProgram program, Path state, int barsPerSecond, LocalKafka kafka)
            throws Exception {
        int symbols = 200;
        int bars = 20_000;
        int warmup = 2_000;
        long[] published = new long[bars];
        long[] evaluated = new long[bars];
        String[] names = Arrays.copyOf(symbols(), symbols);
        MarketDataBus bus;
        SequencedSource source;
        if (kafka != null) {
            KafkaBusConfig config = KafkaBusConfig.parse(URI.create(kafka.address() + "?market=latency&partitions=12&linger=0"));
            bus = new KafkaPublisher(config, "bench");
            source = new KafkaSource(config, "latency-bench");
        } else {
            InProcessBus inProcess = new InProcessBus();
            LinkedBlockingQueue<SequencedSource.Delivery> queue = new LinkedBlockingQueue<>();
            AtomicLong position = new AtomicLong();
            inProcess.subscribe(event -> queue.add(new SequencedSource.Delivery(position.getAndIncrement(), event)));
            bus = inProcess;
            source = new SequencedSource() {
                @Override
                public Optional<Delivery> poll(Duration wait) throws InterruptedException {
                    return Optional.ofNullable(queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
                }
            };
        }
        SequencedSource timed = new SequencedSource() {
            long pending = -1;

            @Override
            public Optional<Delivery> poll(Duration wait) throws InterruptedException {
                if (pending >= 0) {
                    evaluated[(int) pending] = System.nanoTime();
                    pending = -1;
                }
                Optional<Delivery> next = source.poll(wait);
                next.ifPresent(d -> pending = d.sequence());
                return next;
            }
        };
        Duration timeframe = Duration.ofMinutes(1);
        ZoneId zone = ZoneId.of("Asia/Seoul");
        RiskLimits limits = RiskLimits.none("CRYPTO");
        SimulatedRun.Setup setup = new SimulatedRun.Setup(state, program, StrategySettings.defaults(timeframe, zone),
                EngineConfig.of(program.info().name(), RunMode.PAPER, timeframe, zone, RunState.tag(state), 1),
                new ReplayDataSet("bench", List.of()), new SimConfig("KRW", 1e12, dev.stratc.backtest.CostModel.free(), false),
                List.of("SIM"), limits, Set.of(), new RunEvents() { }, 0, false);
        try (SimulatedRun run = SimulatedRun.open(setup)) {
            Thread engine = Thread.ofPlatform().name("engine").start(() -> {
                try {
                    run.run(() -> evaluated[bars - 1] != 0 || Thread.currentThread().isInterrupted(), timed);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long interval = 1_000_000_000L / barsPerSecond;
            long next = System.nanoTime();
            long time = 1_700_000_000_000L;
            for (int i = 0; i < bars; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += interval;
                long end = time + (long) (i / symbols + 1) * 60_000;
                double price = 10_000 + (i * 37 % 500);
                published[i] = System.nanoTime();
                bus.publish(new MarketEvent.Bar(names[i % symbols], end, price, price + 20, price - 20, price + 5,
                        1_000 + i % 300), i);
            }
            bus.flush();
            engine.join(TimeUnit.MINUTES.toMillis(3));
            engine.interrupt();
        } finally {
            bus.close();
            source.close();
        }
        long[] latencies = new long[bars - warmup];
        for (int i = warmup; i < bars; i++) {
            latencies[i - warmup] = evaluated[i] - published[i];
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static void report(String name, long[] sorted) {
        System.out.printf(Locale.ROOT, "%s: publish → bar evaluated, %,d bars: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                name, sorted.length, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
