package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stratc data fetch binance} against a local server answering as {@code GET /api/v3/klines} does. */
class DataFetchCommandTest {
    @TempDir
    Path dir;

    @Test
    void klinesAreFetchedIntoTheStore() throws Exception {
        try (MockWebServer binance = new MockWebServer()) {
            binance.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (!request.getPath().startsWith("/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=1767225600000")) {
                        return new MockResponse().setResponseCode(400).setBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
                    }
                    return new MockResponse().setHeader("X-MBX-USED-WEIGHT-1M", "2").setBody("""
                            [[1767225600000,"87500.01","87510.00","87490.00","87505.50","12.5",1767225659999,"1093818.75",1200,"6.1","533000.1","0"],
                             [1767225660000,"87505.50","87520.00","87500.00","87515.25","8.25",1767225719999,"722000.00",900,"4.0","350000.0","0"]]""");
                }
            });
            String store = dir.resolve("bars.duckdb").toString();

            CliRun fetched = CliRun.run("data", "fetch", "binance", "--symbol", "btcusdt", "--interval", "1m",
                    "--from", "2026-01-01T00:00:00Z", "--to", "2026-01-01T00:02:00Z", "--store", store,
                    "--rest-url", binance.url("/").toString());
            CliRun listed = CliRun.run("data", "list", "--store", store);

            assertThat(fetched.exitCode()).as(fetched.err()).isEqualTo(ExitCode.OK);
            assertThat(fetched.out()).contains("fetched 2 bars into");
            assertThat(listed.out()).contains("BTCUSDT");
        }
    }

    @Test
    void usdmFuturesKlinesComeFromTheFuturesEndpointAndAreStoredAsBinanceUsdm() throws Exception {
        try (MockWebServer binance = new MockWebServer()) {
            binance.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (request.getPath().startsWith("/fapi/v1/fundingRate?symbol=BTCUSDT&startTime=1767225600000"
                            + "&endTime=1767229199999&limit=1000")) {
                        return new MockResponse().setHeader("X-MBX-USED-WEIGHT-1M", "6").setBody("""
                                [{"symbol":"BTCUSDT","fundingTime":1767225600003,"fundingRate":"0.00012000","markPrice":"87500.1"}]""");
                    }
                    if (!request.getPath().startsWith("/fapi/v1/klines?symbol=BTCUSDT&interval=1h&startTime=1767225600000")) {
                        return new MockResponse().setResponseCode(400).setBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
                    }
                    return new MockResponse().setHeader("X-MBX-USED-WEIGHT-1M", "5").setBody("""
                            [[1767225600000,"87500.0","87600.0","87400.0","87550.0","1250.5",1767229199999,"109381875.0",52000,"610.1","53300000.1","0"]]""");
                }
            });
            String store = dir.resolve("futures.duckdb").toString();

            CliRun fetched = CliRun.run("data", "fetch", "binance", "--market", "usdm", "--symbol", "BTCUSDT",
                    "--interval", "1h", "--from", "2026-01-01T00:00:00Z", "--to", "2026-01-01T01:00:00Z", "--store",
                    store, "--rest-url", binance.url("/").toString());
            CliRun listed = CliRun.run("data", "list", "--store", store);

            assertThat(fetched.exitCode()).as(fetched.err()).isEqualTo(ExitCode.OK);
            assertThat(fetched.out()).contains("fetched 1 bars and 1 funding rates into");
            assertThat(listed.out()).contains("BTCUSDT").contains("binance-usdm");
        }
    }

    @Test
    void anUnknownFetchMarketIsAUsageError() {
        CliRun run = CliRun.run("data", "fetch", "binance", "--market", "coinm", "--symbol", "BTCUSD",
                "--from", "2026-01-01", "--store", dir.resolve("x.duckdb").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--market coinm: write spot or usdm");
    }

    @Test
    void aMonthlyIntervalIsAUsageError() {
        CliRun run = CliRun.run("data", "fetch", "binance", "--symbol", "BTCUSDT", "--interval", "1M",
                "--from", "2026-01-01", "--store", dir.resolve("x.duckdb").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("1M has no fixed length");
    }
}
