package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.cli.ExitCode;
import dev.stratc.cli.StratcCommandLine;
import dev.stratc.runtime.bus.BusLease;
import dev.stratc.runtime.bus.BusProvider;

/**
 * {@code run --bus --accounts}: an account another engine of the bus trades is refused before the run opens, with
 * the account named masked, and the accounts the refused run had already taken are given back.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RunBusLeaseTest {
    @TempDir
    Path dir;

    @Test
    void anAccountAnotherEngineHoldsIsRefusedNamedMaskedAndNothingIsKept() throws Exception {
        BusProvider kafka = BusProvider.forScheme("kafka");
        int port = freePortPair();
        String bus = kafka.localAddress(port);
        try (AutoCloseable broker = kafka.startLocal(dir.resolve("kafka"), port);
             BusLease other = kafka.lease(URI.create(bus), "SIM-B", "engine-on-another-machine")) {
            assertThat(other.await(Duration.ofSeconds(60))).as("the other engine holds SIM-B").isTrue();

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exitCode = StratcCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                    "run", "../examples/momentum.strat", "--mode", "paper", "--bus", bus,
                    "--accounts", "../config/accounts-sim.yaml", "--data", "synth:krx?symbols=2&days=1&seed=1",
                    "--state-dir", dir.resolve("state").toString(), "--lease-wait", "3s", "--status-every", "0");

            assertThat(exitCode).as(err.toString()).isEqualTo(ExitCode.FAILURE);
            assertThat(err.toString()).contains("account ***-B is traded by another engine on " + bus)
                    .contains("stop the other engine, or give this one other accounts")
                    .doesNotContain("SIM-B").doesNotContain("bug in stratc").doesNotContain("Exception");
            try (BusLease first = kafka.lease(URI.create(bus), "SIM-A", "engine-here-again")) {
                assertThat(first.await(Duration.ofSeconds(60)))
                        .as("the refused run gave back SIM-A, which it had taken first").isTrue();
            }
            assertThat(other.held()).as("the holder kept its account throughout").isTrue();
        }
    }

    /** A free port whose next one is free too: the broker listens on it, its controller on the next. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(first.getLocalPort() + 1)) {
                return first.getLocalPort();
            } catch (IOException | IllegalArgumentException taken) {
                // try another pair
            }
        }
        throw new IOException("no two consecutive free ports on loopback");
    }
}
