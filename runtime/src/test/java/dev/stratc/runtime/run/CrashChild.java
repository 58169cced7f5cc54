package dev.stratc.runtime.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.LimitEntryProgram;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.Stops;

/**
 * The process the crash test kills: a paper run of one of the {@link Scenario}s over the first trades of the
 * Bitstamp sample, state in {@code stateDir}. Prints {@code reached N} when it is about to replay the
 * {@code N}th event of the data set (the optional third argument), so the test kills it at a point of the data
 * rather than of the clock, whatever the machine's speed; at the end of the data {@code finished} and each
 * account's final equity ({@code equity SIM-A 100123.45}).
 */
public final class CrashChild {
    private static final Stops STOPS = new Stops(0.4, Double.NaN, 0.3, Long.MAX_VALUE);

    /** What runs: the accounts, the strategy and how much of the data. */
    enum Scenario {
        /** One account; market entries and exits, stop-loss and trailing stop. */
        ONE_ACCOUNT(List.of("SIM"), new SmaCrossProgram(3, 8, new Quantity.PercentOfEquity(20), STOPS,
                Duration.ofMinutes(1)), 7_000),
        /**
         * The two-account pool of {@code config/accounts-sim.yaml}: limit entries routed by
         * {@code select_best_account()} and sized on the chosen account's equity, market exits, stops.
         */
        POOL(List.of("SIM-A", "SIM-B"), new LimitEntryProgram(3, 8, 0.05, new Quantity.PercentOfEquity(30), STOPS,
                Duration.ofMinutes(1)), 7_000);

        final List<String> accounts;
        final StrategyProgram program;
        final int events;

        Scenario(List<String> accounts, StrategyProgram program, int events) {
            this.accounts = accounts;
            this.program = program;
            this.events = events;
        }
    }

    private CrashChild() {
    }

    /** The scenario's run in {@code stateDir}, on the data the test JVM has loaded once. */
    static SimulatedRun.Setup setup(Path stateDir, Scenario scenario, Recorder recorder) {
        return setup(stateDir, scenario, Runs.sample(scenario.events), recorder);
    }

    private static SimulatedRun.Setup setup(Path stateDir, Scenario scenario, ReplayDataSet data, Recorder recorder) {
        return Runs.setup(stateDir, scenario.program, data, RunMode.PAPER, RiskLimits.none("CRYPTO"),
                scenario.accounts, recorder);
    }

    public static void main(String[] args) throws Exception {
        Scenario scenario = Scenario.valueOf(args[1]);
        int announceAt = args.length > 2 ? Integer.parseInt(args[2]) : -1;
        int[] replayed = {0};
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long loaded = System.currentTimeMillis();
        // only the trades the scenario uses: parsing the whole sample would be most of a restart's time
        SimulatedRun.Setup setup = setup(Path.of(args[0]), scenario, ReplayDataSet.sample(scenario.events),
                new Recorder());
        System.err.printf("jvm to main %d ms, data %d ms%n", loaded - jvmStart, System.currentTimeMillis() - loaded);
        long opening = System.currentTimeMillis();
        try (SimulatedRun run = SimulatedRun.open(setup)) {
            long opened = System.currentTimeMillis();
            boolean finished = run.run(() -> {
                if (++replayed[0] == announceAt) {
                    System.err.printf("opened in %d ms, event %d reached %d ms later (warm-up to %d)%n",
                            opened - opening, announceAt, System.currentTimeMillis() - opened,
                            run.engine().resumeAfter());
                    System.out.println("reached " + announceAt);
                    System.out.flush();
                }
                return false;
            });
            if (finished) {
                System.out.println("finished");
                for (String account : scenario.accounts) {
                    System.out.println("equity " + account + " " + run.engine().portfolio().equity(account));
                }
            }
        }
    }
}
