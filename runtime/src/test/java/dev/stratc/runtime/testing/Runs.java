package dev.stratc.runtime.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.RunState;
import dev.stratc.runtime.run.SimulatedRun;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.sim.SimConfig;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;

/** Builds simulated runs for tests. */
public final class Runs {
    private static ReplayDataSet sample;

    private Runs() {
    }

    /** The built-in Bitstamp sample, loaded once per test JVM. */
    public static synchronized ReplayDataSet sample() {
        if (sample == null) {
            sample = ReplayDataSet.sample();
        }
        return sample;
    }

    /** The first {@code events} trades of the sample. */
    public static ReplayDataSet sample(int events) {
        ReplayDataSet all = sample();
        return new ReplayDataSet(all.name(), all.events().subList(0, events));
    }

    /** A run whose journal is not forced to the disk: the tests kill processes, they do not cut the power. */
    public static SimulatedRun.Setup setup(Path stateDir, StrategyProgram program, ReplayDataSet data, RunMode mode,
                                           RiskLimits limits, List<String> accounts, RunEvents events) {
        Duration timeframe = program.info().timeframe();
        EngineConfig config = EngineConfig.of(program.info().name(), mode, timeframe, ZoneId.of("UTC"),
                RunState.tag(stateDir), 0.0001);
        return new SimulatedRun.Setup(stateDir, program, StrategySettings.defaults(timeframe, ZoneId.of("UTC")),
                config, data, new SimConfig("USD", 100_000, dev.stratc.backtest.CostModel.commission(0.05), false), accounts, limits, Set.of(), events, 0, false);
    }
}
