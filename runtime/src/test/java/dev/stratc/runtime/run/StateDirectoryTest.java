package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;

/** One run per state directory: a second one is refused at once, and a killed run leaves no lock behind. */
class StateDirectoryTest {
    @TempDir
    Path stateDir;

    /** Holds the lock of the directory given as its argument until it is killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (StateDirectory held = StateDirectory.lock(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }

    private Process holder() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Holder.class.getName(), stateDir.toString())
                .redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(first).isEqualTo("locked");
        return child;
    }

    @Test
    void aSecondRunIsRefusedNamingTheDirectoryAndTheProcessAndKill9LeavesNoStaleLock() throws Exception {
        Process first = holder();
        try {
            assertThat(Files.readString(stateDir.resolve("run.lock"))).contains("pid=" + first.pid());
            assertThatThrownBy(() -> SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(3, 8),
                    Runs.sample(100), RunMode.PAPER, RiskLimits.none("CRYPTO"), List.of("SIM"), new Recorder())))
                    .isInstanceOf(StateDirectory.InUseException.class)
                    .hasMessageContaining(stateDir.toString())
                    .hasMessageContaining("PID " + first.pid());
            assertThatThrownBy(() -> StateDirectory.requireFree(stateDir))
                    .isInstanceOf(StateDirectory.InUseException.class);
            assertThat(stateDir.resolve("journal")).as("the refused run wrote nothing").doesNotExist();

            // what a person does beside a running run still works: the kill switch, reading the journal
            new KillSwitch(stateDir, 0).engage("beside a running run");
            assertThat(new KillSwitch(stateDir, 0).reason()).hasValueSatisfying(r -> assertThat(r).contains("beside a running run"));
            assertThat(new KillSwitch(stateDir, 0).clear()).isTrue();
        } finally {
            first.destroyForcibly();   // SIGKILL: the process cannot release anything itself
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        StateDirectory.requireFree(stateDir);
        try (StateDirectory mine = StateDirectory.lock(stateDir)) {
            assertThat(Files.readString(stateDir.resolve("run.lock")))
                    .contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void aRunHoldsItsDirectoryUntilItIsClosedEvenWithinOneProcess() {
        var setup = Runs.setup(stateDir, SmaCrossProgram.of(3, 8), Runs.sample(100), RunMode.PAPER,
                RiskLimits.none("CRYPTO"), List.of("SIM"), new Recorder());
        try (SimulatedRun run = SimulatedRun.open(setup)) {
            assertThatThrownBy(() -> SimulatedRun.open(setup)).isInstanceOf(StateDirectory.InUseException.class)
                    .hasMessageContaining("PID " + ProcessHandle.current().pid());
        }
        try (SimulatedRun again = SimulatedRun.open(setup)) {
            assertThat(again.engine()).isNotNull();
        }
    }

    @Test
    void aDirectoryNoRunHasUsedIsFreeAndRequireFreeCreatesNothing() {
        Path fresh = stateDir.resolve("never-used");
        StateDirectory.requireFree(fresh);
        assertThat(fresh).doesNotExist();
    }
}
