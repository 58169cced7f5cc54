package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.kiwoom.mock.MockKiwoom;
import dev.stratc.brokers.kiwoom.mock.MockKiwoomPaperAccount;
import dev.stratc.cli.StratcCommandLine;
import dev.stratc.runtime.broker.Placeholders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code universe: kiwoom_condition("거래량급증")} in the accounts file and no {@code --symbols}: the run watches the
 * condition's hits (ka10173 over the account's session), a code that enters it is registered and scanned, its rise
 * signals and is bought, and a code that leaves it (not held) is no longer watched.
 */
class RunKiwoomConditionTest {
    private static final String SAMSUNG = "005930";
    private static final String HYNIX = "000660";

    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    private Path accounts(MockKiwoom kiwoom, String universe) throws Exception {
        return Files.writeString(dir.resolve("accounts.yaml"), "accounts:\n"
                + MockKiwoomPaperAccount.entry(kiwoom, dir.resolve("tokens")) + "universe: " + universe + "\n");
    }

    private Path strategy() throws Exception {
        return Files.writeString(dir.resolve("condition-follow.strat"), """
                strategy("ConditionFollow", timeframe: 1s, warmup: 1) {
                  scan {
                    when (close > close[1]) {
                      signal("UP", { symbol: symbol })
                    }
                  }
                  entry {
                    on signal("UP") {
                      buy(quantity: 2)
                    }
                  }
                }
                """);
    }

    @Test
    void theConditionsHitsAreWatchedAndScannedAsTheyEnterAndLeave() throws Exception {
        try (MockKiwoom kiwoom = new MockKiwoom(true)) {
            MockKiwoomPaperAccount.open(kiwoom, 10_000_000);
            kiwoom.addSymbol(SAMSUNG, 70_000);
            kiwoom.addSymbol(HYNIX, 200_000);
            kiwoom.addCondition("0", "거래량급증", List.of(SAMSUNG));
            Placeholders.useEnvironment(MockKiwoomPaperAccount.environment());
            Path accounts = accounts(kiwoom, "kiwoom_condition(\"거래량급증\")");
            Path risk = Files.writeString(dir.resolve("risk.yaml"), "calendar: CRYPTO\n");
            Path strategy = strategy();

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = StratcCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true));
            ((RunCommand) commandLine.getSubcommands().get("run").getCommand()).stopRequested =
                    () -> out.toString().contains("FILL     BUY 2 " + HYNIX);
            AtomicInteger exitCode = new AtomicInteger(-1);
            Thread cli = Thread.ofPlatform().name("stratc-run").start(() -> exitCode.set(commandLine.execute("run",
                    strategy.toString(), "--mode", "paper", "--accounts", accounts.toString(), "--risk",
                    risk.toString(), "--state-dir", dir.resolve("state").toString(), "--status-every", "0")));

            await("the condition's hit watched", () -> kiwoom.registered("0B", SAMSUNG), out, err);
            assertThat(kiwoom.following("0")).isTrue();
            assertThat(kiwoom.registered("0B", HYNIX)).isFalse();

            kiwoom.conditionChange("0", HYNIX, true);
            await("the entering code watched", () -> kiwoom.registered("0B", HYNIX), out, err);
            kiwoom.conditionChange("0", SAMSUNG, false);
            await("the leaving code dropped", () -> !kiwoom.registered("0B", SAMSUNG), out, err);

            long price = 200_000;
            for (int second = 0; !out.toString().contains("FILL     BUY 2 " + HYNIX); second++) {
                if (second > 30) {
                    throw new AssertionError("no fill within 30 s of trades\n" + out + err);
                }
                Thread.sleep(1_100 - System.currentTimeMillis() % 1_000);
                kiwoom.tradeAt(HYNIX, price += 500, 10);
            }
            cli.join(Duration.ofSeconds(20));

            assertThat(exitCode.get()).as(err.toString()).isZero();
            assertThat(out.toString()).contains("universe kiwoom_condition(\"거래량급증\") on account KIWOOM_PAPER: 1 "
                    + "symbol(s) now").contains("ORDER    BUY 2 " + HYNIX).doesNotContain("BUY 2 " + SAMSUNG);
            assertThat(kiwoom.holding(MockKiwoomPaperAccount.APP_KEY, HYNIX)).isEqualTo(2);
            assertThat(kiwoom.violations()).isEmpty();
        }
    }

    private static void await(String what, BooleanSupplier condition, StringWriter out, StringWriter err)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (err.toString().contains("error:")) {
                throw new AssertionError("the run failed while waiting for " + what + "\n" + out + err);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n" + out + err);
            }
            Thread.sleep(10);
        }
    }
}
