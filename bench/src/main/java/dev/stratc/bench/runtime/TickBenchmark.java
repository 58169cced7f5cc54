package dev.stratc.bench.runtime;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.risk.RiskLimits;

/**
 * Ticks through the engine with 2,700 symbols and examples/momentum.strat: one trade per symbol per second,
 * so every 60th tick of a symbol closes its 1-minute bar and the compiled strategy evaluates it. Throughput is
 * ticks per second on one thread (bar building, marking, stop checks, bar-close evaluations); sample time gives
 * the per-tick latency distribution.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TickBenchmark {
    private RuntimeFixture fixture;
    private double[] prices;
    private long sequence;
    private long seed = 42;

    @Setup
    public void setUp() {
        fixture = new RuntimeFixture(RuntimeFixture.momentum(), RiskLimits.none("CRYPTO"));
        prices = new double[RuntimeFixture.SYMBOLS];
        java.util.Arrays.fill(prices, 10_000);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void ticksPerSecond() {
        tick();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void tickLatency() {
        tick();
    }

    private void tick() {
        int symbol = (int) (sequence % RuntimeFixture.SYMBOLS);
        long time = 1_700_000_000_000L + (sequence / RuntimeFixture.SYMBOLS) * 1_000;
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        prices[symbol] = Math.max(1_000, prices[symbol] + ((seed >>> 40) % 21 - 10));
        fixture.engine.onMarket(sequence++, new MarketEvent.Trade(fixture.symbols[symbol], time, prices[symbol],
                1 + (seed >>> 60)));
    }
}
