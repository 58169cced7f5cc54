package dev.stratc.bench.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.risk.RiskLimits;

/**
 * Heap held by a run of examples/momentum.strat over 2,700 symbols after one trading day of 1-minute bars
 * (390 each, 1,053,000 bars): the engine, the per-symbol strategy instances with their indicator history, the
 * bar builders. Prints used heap after a full GC, before and after the day.
 *
 * <p>{@code java -Xmx1g -cp bench/target/benchmarks.jar dev.stratc.bench.runtime.HistoryHeap}
 */
public final class HistoryHeap {
    private HistoryHeap() {
    }

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = used(memory);
        RuntimeFixture fixture = new RuntimeFixture(RuntimeFixture.momentum(), RiskLimits.none("CRYPTO"));
        long seed = 7;
        double[] prices = new double[RuntimeFixture.SYMBOLS];
        java.util.Arrays.fill(prices, 20_000);
        long sequence = 0;
        long start = System.nanoTime();
        for (int minute = 1; minute <= 390; minute++) {
            long end = 1_764_028_800_000L + minute * 60_000L;
            for (int s = 0; s < RuntimeFixture.SYMBOLS; s++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                double open = prices[s];
                double close = Math.max(1_000, open + ((seed >>> 40) % 201 - 100));
                prices[s] = close;
                fixture.engine.onMarket(sequence++, new MarketEvent.Bar(fixture.symbols[s], end, open,
                        Math.max(open, close) + 50, Math.min(open, close) - 50, close, 1_000 + (seed >>> 50)));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = used(memory);
        System.out.printf("2,700 symbols x 390 one-minute bars of momentum.strat: heap %.1f MB held by the run "
                + "(%.1f MB used in all, %.1f MB before), replayed in %.1f s%n", (after - before) / 1e6, after / 1e6,
                before / 1e6, seconds);
        // keep the run reachable until it is measured
        if (fixture.engine.sequence() < 0) {
            throw new AssertionError();
        }
    }

    private static long used(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
