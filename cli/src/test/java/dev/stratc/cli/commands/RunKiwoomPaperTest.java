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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code stratc run examples/momentum.strat --mode paper --accounts accounts.yaml --symbols 005930} with a Kiwoom
 * 모의투자 account pointed at the mock of the 모의투자 host: the canonical scanner sees a surge on heavy volume in the
 * streamed {@code 0B} trades, buys at market through {@code kt10000}, learns the fill from the {@code 00} notice,
 * and sells through {@code kt10001} at its 1 % stop.
 */
class RunKiwoomPaperTest {
    private static final String SAMSUNG = "005930";
    private static final long CASH = 10_000_000;

    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    @Test
    void theMomentumScannerTradesOnAKiwoomPaperAccount() throws Exception {
        try (MockKiwoom kiwoom = new MockKiwoom(true)) {
            MockKiwoomPaperAccount.open(kiwoom, CASH);
            kiwoom.addSymbol(SAMSUNG, 70_000);
            Placeholders.useEnvironment(MockKiwoomPaperAccount.environment());
            Path accounts = MockKiwoomPaperAccount.writeAccountsFile(dir.resolve("accounts.yaml"), kiwoom);
            // The KRX calendar would refuse orders outside 09:00-15:30 KST, and this test runs at any hour.
            Path risk = Files.writeString(dir.resolve("risk.yaml"), "calendar: CRYPTO\n");
            Path state = dir.resolve("state");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = StratcCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true));
            ((RunCommand) commandLine.getSubcommands().get("run").getCommand()).stopRequested =
                    () -> out.toString().contains("FILL     SELL");
            AtomicInteger exitCode = new AtomicInteger(-1);
            // Kiwoom stamps trades to the second: one-second bars, and the surge measured over 3 of them
            Thread cli = Thread.ofPlatform().name("stratc-run").start(() -> exitCode.set(commandLine.execute("run",
                    "../examples/momentum.strat", "--mode", "paper", "--accounts", accounts.toString(), "--risk",
                    risk.toString(), "--symbols", SAMSUNG, "--timeframe", "1s", "-P", "time_window=3s",
                    "--state-dir", state.toString(), "--status-every", "0")));

            await("the 0B registration", () -> kiwoom.registered("0B", SAMSUNG), out, err);
            // One trade early in each second; a bar closes at the first trade after it. The warm-up (auto: the
            // 20 bars of average_volume(20)) passes in a steady fall that keeps RSI(14) low; then one bar jumps
            // 3.4 % over three on ten times the volume: SURGE_DETECTED, a market buy, filled by the next trade
            // (70,100); the fall after it passes the 1 % stop and the position is sold.
            long price = 70_000;
            int second = 0;
            while (!out.toString().contains("FILL     SELL")) {
                if (++second > 60) {
                    throw new AssertionError("no round trip within 60 s of trades\n" + out + err);
                }
                long size = 100;
                if (second <= 24) {
                    price -= 100;
                } else if (second == 25) {
                    price = 70_200;
                    size = 1_000;
                } else if (second == 26) {
                    price = 70_100;
                } else {
                    price = Math.max(65_000, price - 300);
                }
                Thread.sleep(1_100 - System.currentTimeMillis() % 1_000);
                kiwoom.tradeAt(SAMSUNG, price, size);
            }
            cli.join(Duration.ofSeconds(20));

            assertThat(exitCode.get()).as(err.toString()).isZero();
            assertThat(out.toString()).contains("MomentumSurgeScanner paper on 1 account(s)")
                    .contains("ORDER    BUY").contains("FILL     BUY").contains("FILL     SELL")
                    .contains("session summary");
            assertThat(kiwoom.calls("kt10000")).as("buy orders sent").isEqualTo(1);
            assertThat(kiwoom.calls("kt10001")).as("sell orders sent").isPositive();
            assertThat(kiwoom.holding(MockKiwoomPaperAccount.APP_KEY, SAMSUNG)).as("sold all").isZero();
            assertThat(kiwoom.cash(MockKiwoomPaperAccount.APP_KEY)).as("a loss was taken").isLessThan(CASH);
            assertThat(kiwoom.rateBreaches()).as("requests over 1 an api-id a second").isEmpty();
            assertThat(kiwoom.violations()).isEmpty();
            assertThat(out.toString()).containsPattern("account KIWOOM_PAPER\\s+HEALTHY").doesNotContain("DEGRADED");
            assertThat(out.toString() + err).doesNotContain(MockKiwoomPaperAccount.SECRET_KEY)
                    .doesNotContain(MockKiwoomPaperAccount.APP_KEY);

            // the account's journal: the buy's intent, Kiwoom's order number on its acceptance, both fills
            List<JsonNode> journal = journal(state, MockKiwoomPaperAccount.ID);
            assertThat(journal).anySatisfy(r -> assertThat(r.path("type").asText() + " " + r.path("side").asText()
                    + " " + r.path("symbol").asText()).isEqualTo("intent BUY " + SAMSUNG));
            assertThat(journal).filteredOn(r -> r.path("kind").asText().equals("Accepted"))
                    .allSatisfy(r -> assertThat(r.path("brokerOrderId").asText()).matches("\\d{7}")).isNotEmpty();
            assertThat(journal).filteredOn(r -> r.path("kind").asText().equals("Fill"))
                    .extracting(r -> r.path("side").asText()).contains("BUY", "SELL");
        }
    }

    private static List<JsonNode> journal(Path state, String account) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(state.resolve("journal"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals(account + ".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    records.add(json.readTree(line));
                }
            }
        }
        return records;
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
