package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.kis.mock.MockKis;
import dev.stratc.brokers.kis.mock.MockPaperAccount;
import dev.stratc.cli.StratcCommandLine;
import dev.stratc.runtime.broker.Placeholders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code stratc run <strategy> --mode paper --accounts accounts.yaml --symbols 005930} with a KIS 모의투자
 * account pointed at the mock: the whole session a user sees, from the streamed trades to the summary.
 */
class RunKisPaperTest {
    private static final String SAMSUNG = "005930";

    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    @Test
    void aPaperRunOnAKisAccountBuysOnTheRiseAndSellsOnTheFall() throws Exception {
        try (MockKis kis = new MockKis()) {
            MockPaperAccount.open(kis, 10_000_000);
            kis.addSymbol(SAMSUNG, "삼성전자", 70_000);
            Placeholders.useEnvironment(MockPaperAccount.environment());
            Path strategy = dir.resolve("tick-follow.strat");
            // KIS stamps trades to the second, so one-second bars are the finest a KIS run builds.
            Files.writeString(strategy, """
                    strategy("TickFollow", timeframe: 1s, warmup: 1) {
                      entry {
                        when (close > close[1]) {
                          buy(quantity: 5)
                        }
                      }
                      exit {
                        when (close < close[1]) {
                          sell(quantity: "all")
                        }
                      }
                    }
                    """);
            Path accounts = MockPaperAccount.writeAccountsFile(dir.resolve("accounts.yaml"), kis);
            // The KRX calendar would refuse orders outside 09:00-15:30 KST, and this test runs at any hour.
            Path risk = dir.resolve("risk.yaml");
            Files.writeString(risk, "calendar: CRYPTO\n");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = StratcCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true));
            ((RunCommand) commandLine.getSubcommands().get("run").getCommand()).stopRequested =
                    () -> out.toString().contains("FILL     SELL");
            AtomicInteger exitCode = new AtomicInteger(-1);
            Thread cli = Thread.ofPlatform().name("stratc-run").start(() -> exitCode.set(commandLine.execute("run",
                    strategy.toString(), "--mode", "paper", "--accounts", accounts.toString(), "--risk",
                    risk.toString(), "--symbols", SAMSUNG, "--state-dir", dir.resolve("state").toString(),
                    "--status-every", "0")));

            await("the trade subscription", () -> kis.streamsTrades(SAMSUNG), out, err);
            // One trade early in each second; a bar closes at the first trade after it, and a market order fills
            // at the last price: the rise to 70,100 buys at 69,600, the fall to 69,600 sells at 69,500.
            for (long price : new long[] {70_000, 69_900, 70_100, 69_600, 69_500}) {
                Thread.sleep(1_100 - System.currentTimeMillis() % 1_000);
                kis.tradeAt(SAMSUNG, price, 100);
            }
            cli.join(Duration.ofSeconds(10));

            assertThat(exitCode.get()).as(err.toString()).isZero();
            assertThat(out.toString()).contains("TickFollow paper on 1 account(s)").contains("ORDER    BUY")
                    .contains("FILL     BUY").contains("FILL     SELL").contains("session summary");
            assertThat(kis.holding(MockPaperAccount.APP_KEY, SAMSUNG)).isZero();
            assertThat(kis.cash(MockPaperAccount.APP_KEY)).isEqualTo(10_000_000 - 5 * 69_600 + 5 * 69_500);
            assertThat(kis.calls("/uapi/domestic-stock/v1/trading/order-cash")).isEqualTo(2);
            assertThat(kis.violations()).isEmpty();
            assertThat(out.toString()).as("a clean start is no event: the account stays healthy")
                    .containsPattern("account KIS_PAPER\\s+HEALTHY").doesNotContain("DEGRADED")
                    .doesNotContain("reconnected");
            assertThat(out.toString() + err).doesNotContain(MockPaperAccount.APP_SECRET)
                    .doesNotContain(MockPaperAccount.APP_KEY);
        }
    }

    private static void await(String what, BooleanSupplier condition, StringWriter out, StringWriter err)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n" + out + err);
            }
            Thread.sleep(10);
        }
    }
}
