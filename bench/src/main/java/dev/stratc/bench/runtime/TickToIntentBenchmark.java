package dev.stratc.bench.runtime;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.risk.RiskLimits;

/**
 * From a tick's arrival to the order intent reaching the broker port ({@link #symbols}): every measured tick closes
 * its symbol's bar, the strategy orders, the order is sized, routed, checked by pre-trade risk (every limit
 * set), journalled ({@link #journal}: off, tmpfs without or with group commit, or the disk with an fsync before
 * each order) and submitted to the simulated exchange's port. The next tick of the symbol fills it.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TickToIntentBenchmark {
    /** Where the journal goes: see {@link RuntimeFixture.JournalMode}; all four in one run, side by side. */
    @Param({"OFF", "TMPFS_PER_RECORD", "TMPFS", "DISK_FSYNC"})
    public String journal;

    /**
     * Symbols the ticks go round. Every symbol flips between flat and long at each of its bars, so about half of
     * them hold a position at any time: 2,700 is the stress case (1,350 open positions valued for every order's
     * sizing and risk check), 10 the usual book of a scanner like momentum.strat (at most 10 positions).
     */
    @Param({"2700", "10"})
    public int symbols;

    private RuntimeFixture fixture;
    private long sequence;
    private long minute;

    @Setup
    public void setUp() {
        RiskLimits limits = new RiskLimits(1e13, 100_000, 100_000, 1e14, 1e14, Integer.MAX_VALUE, 1e14, false, true,
                30, 0, "CRYPTO", 10);
        fixture = new RuntimeFixture(new FlipProgram(), limits, RuntimeFixture.JournalMode.valueOf(journal), symbols);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void tickToIntent() {
        int symbol = (int) (sequence % symbols);
        if (symbol == 0) {
            minute++;
        }
        // the symbols' first trades of a minute come within 0.7 s, inside the bar grace (1 s): each closes its
        // own symbol's bar, and no clock-driven close of every symbol at once comes between them
        long time = 1_700_000_040_000L + minute * 60_000 + symbol / 4;   // minutes aligned to the bars
        MarketEvent.Trade trade = new MarketEvent.Trade(fixture.symbols[symbol], time, 10_000 + (minute % 7), 100);
        // the venue first, as a replay feeds it: the symbol's previous order fills on this trade, and the engine
        // books that fill before its strategy decides the next order
        fixture.exchange.onMarket(sequence, trade);
        fixture.engine.onMarket(sequence++, trade);
    }
}
