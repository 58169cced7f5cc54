package dev.stratc.runtime.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.testing.CryptoAccounts;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.SampleDays;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Stops;

/**
 * The process {@link BrokerAccountCrashTest} kills: a paper run on an account kept like a Binance account
 * (balances per asset, buy fees in the coin, a lot size, dust), starting with 1 BTC and 10 ETH the run did
 * not buy, over the sample across its first midnight. Prints {@code reached N} before replaying the
 * {@code N}th event (the optional second argument) and {@code finished} at the end of the data.
 */
public final class BrokerAccountCrashChild {
    static final SmaCrossProgram PROGRAM = new SmaCrossProgram(3, 8, new Quantity.PercentOfEquity(5),
            new Stops(0.4, Double.NaN, Double.NaN, Duration.ofMinutes(5).toMillis()), Duration.ofMinutes(1));
    /**
     * One account: with two, the pool's least-loaded routing counts orders since the process started, so a
     * restarted run may send an entry to the other account than the run never killed did.
     */
    static final List<String> ACCOUNTS = List.of("BN-MAIN");
    /** Trades replayed after the first midnight: the second day's P&L is what the test compares. */
    static final int AFTER_MIDNIGHT = 4_000;

    private BrokerAccountCrashChild() {
    }

    static SimulatedRun open(Path stateDir, Recorder recorder) {
        return CryptoAccounts.open(CryptoAccounts.setup(stateDir, PROGRAM, SampleDays.acrossMidnight(AFTER_MIDNIGHT),
                RiskLimits.none("CRYPTO"), ACCOUNTS, recorder), 1.0, Set.of());
    }

    public static void main(String[] args) throws Exception {
        int announceAt = args.length > 1 ? Integer.parseInt(args[1]) : -1;
        int[] replayed = {0};
        try (SimulatedRun run = open(Path.of(args[0]), new Recorder())) {
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
