package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.stratc.brokers.kis.mock.MockKis;
import dev.stratc.runtime.broker.Placeholders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stratc data fetch kis} against the mock KIS server. */
class DataFetchKisTest {

    private static final String KEY = "PSreal0000000000000000000000000000AB";
    private static final String SECRET = "s".repeat(180);

    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    private Path config(String restUrl) throws Exception {
        Path file = dir.resolve("kis.yaml");
        Files.writeString(file, """
                kis:
                  accounts:
                    - id: kis-main
                      environment: live
                      app_key: ${KIS_APP_KEY_1}
                      app_secret: ${KIS_APP_SECRET_1}
                      account_number: ${KIS_ACCOUNT_1}
                      rest_url: %s
                      token_cache_dir: %s
                """.formatted(restUrl, dir.resolve("tokens")));
        return file;
    }

    @Test
    void fetchesDailyBarsIntoTheStore() throws Exception {
        try (MockKis kis = new MockKis()) {
            kis.addAccount(KEY, SECRET, false, "50000001-01", "hts", 1_000_000);
            kis.addSymbol("005930", "삼성전자", 70_000);
            List<String[]> rows = new ArrayList<>();
            LocalDate day = LocalDate.of(2025, 1, 2);
            for (int i = 0; i < 230; i++, day = day.plusDays(1)) {
                rows.add(new String[] {day.format(DateTimeFormatter.BASIC_ISO_DATE), "100", "110", "90",
                        Integer.toString(100 + i), "7"});
            }
            kis.setDailyBars("005930", rows);
            Placeholders.useEnvironment(Map.of("KIS_APP_KEY_1", KEY, "KIS_APP_SECRET_1", SECRET,
                    "KIS_ACCOUNT_1", "50000001-01"));
            Path store = dir.resolve("bars.duckdb");

            CliRun run = CliRun.run("data", "fetch", "kis", "--symbol", "A005930", "--timeframe", "1d",
                    "--from", "2025-02-01", "--to", "2025-08-01", "--store", store.toString(),
                    "--config", config(kis.restUrl()).toString());

            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("fetched 182 1d bars of 005930 from KIS account kis-main");
            assertThat(kis.violations()).isEmpty();
            CliRun list = CliRun.run("data", "list", "--store", store.toString());
            assertThat(list.out()).contains("005930").contains("182").contains("kis");
        }
    }

    @Test
    void aPaperKeyNeverGetsThreeRequestsInARollingSecondAndOnlyClosedBarsAreStored() throws Exception {
        String paperKey = "PSpaper000000000000000000000000000CD";
        try (MockKis kis = new MockKis()) {
            kis.addAccount(paperKey, SECRET, true, "50000002-01", "hts", 1_000_000);
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
            List<String> symbols = List.of("005930", "000660", "035420");
            for (String symbol : symbols) {
                kis.addSymbol(symbol, "종목", 70_000);
                List<String[]> rows = new ArrayList<>();
                // 150 days up to today: two pages each (100 rows a call), today's bar still trading
                for (LocalDate day = today.minusDays(149); !day.isAfter(today); day = day.plusDays(1)) {
                    rows.add(new String[] {day.format(DateTimeFormatter.BASIC_ISO_DATE), "100", "110", "90", "105",
                        "7"});
                }
                kis.setDailyBars(symbol, rows);
            }
            Placeholders.useEnvironment(Map.of("KIS_APP_KEY_1", paperKey, "KIS_APP_SECRET_1", SECRET,
                    "KIS_ACCOUNT_1", "50000002-01"));
            Path config = Files.writeString(dir.resolve("paper.yaml"), """
                    kis:
                      accounts:
                        - id: kis-paper
                          environment: paper
                          app_key: ${KIS_APP_KEY_1}
                          app_secret: ${KIS_APP_SECRET_1}
                          account_number: ${KIS_ACCOUNT_1}
                          rest_url: %s
                          token_cache_dir: %s
                    """.formatted(kis.restUrl(), dir.resolve("tokens")));

            CliRun run = CliRun.run("data", "fetch", "kis", "--symbol", String.join(",", symbols), "--from",
                    today.minusDays(149).toString(), "--store", dir.resolve("bars.duckdb").toString(), "--config",
                    config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(kis.calls("/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice")).isEqualTo(6);
            assertThat(kis.rateBreaches()).as("requests over 2 in a rolling second").isEmpty();
            assertThat(kis.rateLimited(paperKey)).as("EGW00201 answers").isZero();
            assertThat(kis.busiestSecond(paperKey)).isLessThanOrEqualTo(2);
            boolean dayOver = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Seoul")).isAfter(
                    java.time.LocalTime.of(20, 0));
            assertThat(run.out()).contains("fetched " + (dayOver ? 150 : 149) + " 1d bars of 005930");
            if (!dayOver) {
                assertThat(run.out()).contains("left out 1 unfinished bar(s)");
            }
            assertThat(kis.violations()).isEmpty();
        }
    }

    @Test
    void aMissingSecretNamesTheVariableAndExits65() throws Exception {
        Placeholders.useEnvironment(Map.of("KIS_APP_KEY_1", KEY, "KIS_ACCOUNT_1", "50000001-01"));
        CliRun run = CliRun.run("data", "fetch", "kis", "--symbol", "005930", "--from", "2025-02-01",
                "--store", dir.resolve("bars.duckdb").toString(), "--config", config("http://127.0.0.1:9").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("kis-main.app_secret").contains("KIS_APP_SECRET_1 is not set")
                .doesNotContain("Exception");
    }

    @Test
    void aMisspeltKeyOfTheKisFileIsNamedAtItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("kis.yaml"), """
                kis:
                  accounts:
                    - id: kis-main
                      environment: live
                      app_key: ${KIS_APP_KEY_1}
                      token_cache_directory: /tmp/tokens
                """);
        CliRun run = CliRun.run("data", "fetch", "kis", "--symbol", "005930", "--from", "2025-02-01",
                "--store", dir.resolve("bars.duckdb").toString(), "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains(file + ":6: kis.accounts[]: unknown key 'token_cache_directory' "
                + "(did you mean 'token_cache_dir'?)");
    }

    @Test
    void onlyDailyAndMinuteBarsAreServed() {
        CliRun run = CliRun.run("data", "fetch", "kis", "--symbol", "005930", "--timeframe", "5m", "--from",
                "2025-02-01", "--store", dir.resolve("bars.duckdb").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("KIS serves 1d and 1m bars");
    }
}
