package dev.stratc.bench.backtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stratc.backtest.Backtester;

/**
 * {@link SingleSymbolBenchmark}'s three runs — the compiled {@code sma-cross-rsi.strat}, the engine driving the
 * hand-written strategy, and the hand-written loop — timed by the thread's CPU time instead of the wall clock,
 * and interleaved round by round (compiled, engine, hand, compiled, ...), so that a shared machine's load, which
 * takes cores away at random moments, falls on the three alike and the ratios stay readable. Prints each one's
 * median bars per CPU second over the rounds after the warm-up, and the ratios to the hand-written loop.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.stratc.bench.backtest.SingleSymbolCpu [ROUNDS] [WARMUP]}
 * (default 15 rounds, 5 of them warm-up)
 */
public final class SingleSymbolCpu {
    private SingleSymbolCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SingleSymbolBenchmark state = new SingleSymbolBenchmark();
        state.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"compiled", "engineWithHandWrittenStrategy", "handWritten"};
        List<List<Double>> rates = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            rates.add(new ArrayList<>());
        }
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < names.length; k++) {
                long start = threads.getCurrentThreadCpuTime();
                sink += switch (k) {
                    case 0 -> state.compiled();
                    case 1 -> state.engineWithHandWrittenStrategy();
                    default -> (long) state.handWritten();
                };
                double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
                if (round >= warmup) {
                    rates.get(k).add(SingleSymbolBenchmark.BARS / seconds);
                }
            }
        }
        double hand = median(rates.get(2));
        System.out.printf(Locale.ROOT, "%d rounds measured (after %d warm-up), bars per CPU second, median [min–max]:%n",
                rounds - warmup, warmup);
        for (int k = 0; k < names.length; k++) {
            List<Double> r = rates.get(k);
            double m = median(r);
            System.out.printf(Locale.ROOT, "  %-30s %7.2f M  [%6.2f–%6.2f M]  1/%.2f of the hand-written loop%n",
                    names[k], m / 1e6, r.stream().mapToDouble(Double::doubleValue).min().orElse(0) / 1e6,
                    r.stream().mapToDouble(Double::doubleValue).max().orElse(0) / 1e6, hand / m);
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

}
