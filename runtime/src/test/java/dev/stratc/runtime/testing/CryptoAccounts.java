package dev.stratc.runtime.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.SimulatedRun;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.strategy.StrategyProgram;

/**
 * Simulated runs whose venue keeps accounts like a crypto exchange (Binance): balances asset by asset, buy fees
 * in the coin bought, a lot size and dust; accounts may start with coins the run did not buy.
 */
public final class CryptoAccounts {
    /** The venue's lot size, as BTCUSDT's LOT_SIZE step. */
    public static final double LOT = 0.00001;
    /** What the engine rounds quantities to: finer than the lot, so the venue's filter decides, as on Binance. */
    public static final double ENGINE_STEP = 1e-8;

    private CryptoAccounts() {
    }

    /** A paper run over {@code data} whose engine rounds to {@link #ENGINE_STEP}. */
    public static SimulatedRun.Setup setup(Path stateDir, StrategyProgram program, ReplayDataSet data,
                                           RiskLimits limits, List<String> accounts, RunEvents events) {
        SimulatedRun.Setup base = Runs.setup(stateDir, program, data, RunMode.PAPER, limits, accounts, events);
        EngineConfig c = base.engine();
        EngineConfig engine = new EngineConfig(c.strategyName(), c.mode(), c.timeframe(), c.zone(), c.runTag(),
                ENGINE_STEP, c.ackTimeout(), c.orderMaxAge(), c.resendWindow(), c.reconcileEvery(), c.barGrace(), c.retry());
        return new SimulatedRun.Setup(base.stateDir(), base.program(), base.settings(), engine, base.data(),
                base.sim(), base.accountIds(), base.limits(), base.holidays(), base.events(), base.speed(),
                base.syncToDisk());
    }

    /**
     * Opens the run with the venue under crypto rules, every account holding {@code btc} BTCUSD and 10 ETHUSD
     * (a coin the data never prices) that the run did not buy.
     */
    public static SimulatedRun open(SimulatedRun.Setup setup, double btc, Set<String> adopting) {
        SimulatedRun run = SimulatedRun.open(setup, adopting);
        run.exchange().cryptoRules(LOT);
        for (String account : setup.accountIds()) {
            if (btc > 0) {
                run.exchange().holdAtStart(account, "BTCUSD", btc, 700);
            }
            run.exchange().holdAtStart(account, "ETHUSD", 10, 40);
        }
        return run;
    }
}
