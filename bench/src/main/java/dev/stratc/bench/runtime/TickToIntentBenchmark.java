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
 * From a tick's arrival to the order intent reaching the broker port, 2,700 symbols: every measured tick closes
 * its symbol's bar, the strategy orders, the order is sized, routed, checked by pre-trade risk (every limit
 * set), journalled (to the operating system: tmpfs, no fsync — see docs/performance.md for the fsync cost)
 * and submitted to the simulated exchange's port. The next tick of the symbol fills it.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TickToIntentBenchmark {
    private RuntimeFixture fixture;
    private long sequence;
    private long minute;

    @Setup
    public void setUp() {
        RiskLimits limits = new RiskLimits(1e13, 100_000, 100_000, 1e14, 1e14, Integer.MAX_VALUE, 1e14, false, true,
                30, 0, "CRYPTO", 10);
        fixture = new RuntimeFixture(new FlipProgram(), limits);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void tickToIntent() {
        int symbol = (int) (sequence % RuntimeFixture.SYMBOLS);
        if (symbol == 0) {
            minute++;
        }
        long time = 1_700_000_000_000L + minute * 60_000 + symbol;
        fixture.engine.onMarket(sequence++, new MarketEvent.Trade(fixture.symbols[symbol], time,
                10_000 + (minute % 7), 100));
    }
}
