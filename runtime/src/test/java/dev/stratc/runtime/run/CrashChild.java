package dev.stratc.runtime.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Stops;

/**
 * The process the crash test kills: a paper run of a moving-average strategy with stops over the first
 * {@code events} trades of the Bitstamp sample, two simulated accounts, state in {@code stateDir}.
 * Prints {@code finished} when the data set is done, and {@code reached N} when it is about to replay the
 * {@code N}th event of the data set (the optional third argument), so the test can kill it at a point of the
 * data rather than of the clock, whatever the machine's speed.
 */
public final class CrashChild {
    static final SmaCrossProgram PROGRAM = new SmaCrossProgram(3, 8, new Quantity.PercentOfEquity(20),
            new Stops(0.4, Double.NaN, 0.3, Long.MAX_VALUE), Duration.ofMinutes(1));
    static final List<String> ACCOUNTS = List.of("SIM-A", "SIM-B");

    private CrashChild() {
    }

    static SimulatedRun.Setup setup(Path stateDir, int events) {
        return Runs.setup(stateDir, PROGRAM, Runs.sample(events), RunMode.PAPER, RiskLimits.none("CRYPTO"), ACCOUNTS,
                new Recorder());
    }

    public static void main(String[] args) throws Exception {
        int announceAt = args.length > 2 ? Integer.parseInt(args[2]) : -1;
        int[] replayed = {0};
        try (SimulatedRun run = SimulatedRun.open(setup(Path.of(args[0]), Integer.parseInt(args[1])))) {
            boolean finished = run.run(() -> {
                if (++replayed[0] == announceAt) {
                    System.out.println("reached " + announceAt);
                    System.out.flush();
                }
                return false;
            });
            if (finished) {
                System.out.println("finished");
            }
        }
    }
}
