package dev.stratc.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.SimulatedRun;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;

/** An account's health changes only on a real event, and says which. */
class AccountHealthTest {
    @TempDir
    Path stateDir;

    @Test
    void aCleanStartIsHealthyAndEachChangeNamesItsEvent() throws Exception {
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(3, 8), Runs.sample(10),
                RunMode.PAPER, RiskLimits.none("CRYPTO"), List.of("A"), new Recorder()))) {
            Account account = run.accounts().getFirst();
            var toEngine = run.engine().listener(account);

            toEngine.onConnection(true, "KIS real-time session open");
            run.engine().drain();
            assertThat(account.health()).as("the session opening at the start is no event").isEqualTo(AccountHealth.HEALTHY);
            assertThat(account.healthDetail()).isEmpty();

            toEngine.onConnection(false, "KIS real-time session lost (1006); reconnecting in 1000 ms");
            run.engine().drain();
            assertThat(account.health()).isEqualTo(AccountHealth.FAILED);
            assertThat(account.healthDetail()).isEqualTo("session lost: KIS real-time session lost (1006); "
                    + "reconnecting in 1000 ms");
            account.succeeded();
            assertThat(account.health()).as("a REST answer does not bring the stream back").isEqualTo(AccountHealth.FAILED);

            toEngine.onConnection(true, "KIS real-time session open");
            run.engine().drain();
            assertThat(account.health()).isEqualTo(AccountHealth.DEGRADED);
            assertThat(account.healthDetail()).startsWith("reconnected after: KIS real-time session lost (1006)");
            for (int i = 0; i < 5; i++) {
                account.succeeded();
            }
            assertThat(account.health()).isEqualTo(AccountHealth.HEALTHY);

            account.failed("HTTP 429: too many requests");
            assertThat(account.health()).isEqualTo(AccountHealth.DEGRADED);
            assertThat(account.healthDetail()).isEqualTo("HTTP 429: too many requests");
        }
    }
}
