package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.kiwoom.mock.MockKiwoom;
import dev.stratc.runtime.broker.Placeholders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratc data fetch kiwoom} against MockKiwoom of the 모의투자 host at its default pace (one request of an
 * api-id a second): every page of ka10081 / ka10080 followed through {@code cont-yn}/{@code next-key}, only bars
 * that are over stored, and a second fetch of the same days replacing, not doubling, them.
 */
class DataFetchKiwoomTest {
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final String KEY = "MOCKdata000000000000000000000000KW";
    private static final String SECRET = "d".repeat(40);

    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    private Path config(MockKiwoom kiwoom) throws Exception {
        Placeholders.useEnvironment(Map.of("KIWOOM_MOCK_APP_KEY", KEY, "KIWOOM_MOCK_SECRET_KEY", SECRET));
        return Files.writeString(dir.resolve("kiwoom.yaml"), """
                kiwoom:
                  accounts:
                    - id: kiwoom-mock
                      environment: paper
                      app_key: ${KIWOOM_MOCK_APP_KEY}
                      secret_key: ${KIWOOM_MOCK_SECRET_KEY}
                      rest_url: %s
                      token_cache_dir: %s
                """.formatted(kiwoom.restUrl(), dir.resolve("tokens")));
    }

    @Test
    void dailyBarsArePagedToTheFirstDayAndAFetchAgainReplacesThem() throws Exception {
        try (MockKiwoom kiwoom = new MockKiwoom(true)) {
            kiwoom.addAccount(KEY, SECRET, 1_000_000);
            kiwoom.addSymbol("005930", 70_000);
            kiwoom.setPageSize(60);
            List<String[]> rows = new ArrayList<>();
            LocalDate day = LocalDate.of(2025, 1, 2);
            for (int i = 0; i < 230; i++, day = day.plusDays(1)) {
                rows.add(new String[] {day.format(DateTimeFormatter.BASIC_ISO_DATE), "70000", "71000", "69000",
                        Integer.toString(69_000 + i * 10), "1000"});
            }
            kiwoom.setDailyBars("005930", rows);
            Path store = dir.resolve("bars.duckdb");
            String[] fetch = {"data", "fetch", "kiwoom", "--symbol", "A005930", "--timeframe", "1d", "--from",
                "2025-02-01", "--to", "2025-08-01", "--store", store.toString(), "--config", config(kiwoom).toString()};

            CliRun first = CliRun.run(fetch);
            CliRun again = CliRun.run(fetch);

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err()).isEmpty();
            // 2025-02-01 … 2025-08-01 of the 230 days from 2025-01-02: 182 bars
            assertThat(first.out()).contains("fetched 182 1d bars of 005930 from Kiwoom account kiwoom-mock");
            assertThat(again.exitCode()).as(again.err()).isZero();
            // newest first from base_dt 2025-08-01 (212 rows): pages of 60 until one reaches before February
            assertThat(kiwoom.calls("ka10081")).as("pages, both fetches").isEqualTo(2 * 4);
            assertThat(kiwoom.rateBreaches()).as("ka10081 requests over 1 in a rolling second").isEmpty();
            assertThat(kiwoom.violations()).isEmpty();
            CliRun list = CliRun.run("data", "list", "--store", store.toString());
            assertThat(list.out()).contains("005930").contains("182").contains("kiwoom").doesNotContain("364");
        }
    }

    @Test
    void theFormingMinuteIsLeftOut() throws Exception {
        // the bars below end at the current minute; start early enough in a minute that it is still forming
        LocalDateTime now = LocalDateTime.now(KST);
        if (now.getSecond() > 40) {
            Thread.sleep((61 - now.getSecond()) * 1_000L);
        }
        LocalDateTime minute = LocalDateTime.now(KST).truncatedTo(ChronoUnit.MINUTES);
        try (MockKiwoom kiwoom = new MockKiwoom(true)) {
            kiwoom.addAccount(KEY, SECRET, 1_000_000);
            kiwoom.addSymbol("000660", 200_000);
            kiwoom.setPageSize(50);
            List<String[]> rows = new ArrayList<>();
            for (int i = 69; i >= 0; i--) {
                rows.add(new String[] {minute.minusMinutes(i).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")),
                    "200000", "200500", "199500", "200000", "30"});
            }
            kiwoom.setMinuteBars("000660", rows);
            // the minutes go back to yesterday when the test runs just after midnight
            LocalDate from = minute.minusMinutes(69).toLocalDate();

            CliRun run = CliRun.run("data", "fetch", "kiwoom", "--symbol", "000660", "--timeframe", "1m", "--from",
                    from.toString(), "--store", dir.resolve("bars.duckdb").toString(), "--config",
                    config(kiwoom).toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("fetched 69 1m bars of 000660").contains("left out 1 unfinished bar(s)");
            assertThat(kiwoom.calls("ka10080")).as("two pages of 50").isEqualTo(2);
            assertThat(kiwoom.violations()).isEmpty();
        }
    }

    @Test
    void aMissingSecretKeyNamesTheVariableAndExits65() throws Exception {
        try (MockKiwoom kiwoom = new MockKiwoom(true)) {
            Path config = config(kiwoom);
            Placeholders.useEnvironment(Map.of("KIWOOM_MOCK_APP_KEY", KEY));
            CliRun run = CliRun.run("data", "fetch", "kiwoom", "--symbol", "005930", "--from", "2025-02-01",
                    "--store", dir.resolve("bars.duckdb").toString(), "--config", config.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(run.err()).contains("kiwoom-mock.secret_key").contains("KIWOOM_MOCK_SECRET_KEY")
                    .doesNotContain("Exception");
        }
    }
}
