package dev.stratc.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.stratc.runtime.pool.AccountHealth;
import dev.stratc.runtime.portfolio.Portfolio;

class OpsTest {

    @Test
    void telegramNotificationsArePostedToTheBotApiWithTheChatIdAndText() throws Exception {
        LinkedBlockingQueue<String[]> received = new LinkedBlockingQueue<>();
        HttpServer mock = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        mock.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new String[] {exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)});
            }
            byte[] ok = "{\"ok\":true,\"result\":{\"message_id\":1}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        mock.start();
        try {
            String base = "http://127.0.0.1:" + mock.getAddress().getPort();
            Notifier notifier = TelegramNotifier.fromEnvironment(Map.of(TelegramNotifier.TOKEN_VARIABLE, "123:ABC",
                    TelegramNotifier.CHAT_VARIABLE, "-1001")::get).orElseThrow();
            assertThat(notifier).isInstanceOf(TelegramNotifier.class);
            try (TelegramNotifier telegram = new TelegramNotifier(base, "123:ABC", "-1001")) {
                telegram.send("[momentum] BUY 18 005930 @ 71,000 on KIS_001 (매수 체결)");
            }
            String[] request = received.poll(5, TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            assertThat(request[0]).isEqualTo("POST");
            assertThat(request[1]).isEqualTo("/bot123:ABC/sendMessage");
            String form = URLDecoder.decode(request[2], StandardCharsets.UTF_8);
            assertThat(form).contains("chat_id=-1001").contains("text=[momentum] BUY 18 005930 @ 71,000 on KIS_001 (매수 체결)");
        } finally {
            mock.stop(0);
        }
        assertThat(TelegramNotifier.fromEnvironment(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void healthAndMetricsAreServedOnLoopbackAsJsonAndPrometheusText() throws Exception {
        AtomicReference<HealthServer.Snapshot> snapshot = new AtomicReference<>(new HealthServer.Snapshot("Momentum",
                "paper", 1_700_000_000_000L, Map.of("KRW", 10_250_000.0), Map.of("KRW", 250_000.0), 2, 1, false, List.of(
                        new HealthServer.AccountState("KIS_001", "KIS", AccountHealth.HEALTHY, 0.25, 12, 340, 3, 0),
                        new HealthServer.AccountState("KIS_002", "KIS", AccountHealth.DEGRADED, 0.5, 4, 100, 0, 2))));
        HttpClient http = HttpClient.newHttpClient();
        try (HealthServer server = HealthServer.start(0, snapshot::get)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> health = get(http, base + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"KIS_002\"");

            HttpResponse<String> metrics = get(http, base + "/metrics");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("# TYPE stratc_equity gauge\nstratc_equity{currency=\"KRW\"} 10250000\n")
                    .contains("stratc_account_orders_total{account=\"KIS_001\",venue=\"KIS\"} 12")
                    .contains("stratc_account_healthy{account=\"KIS_002\",venue=\"KIS\"} 0.5");
            assertThat(get(http, base + "/metrics.json").body()).contains("\"workingOrders\":1");

            snapshot.set(new HealthServer.Snapshot("Momentum", "paper", 0, Map.of(), Map.of(), 0, 0, true, List.of()));
            HttpResponse<String> killed = get(http, base + "/health");
            assertThat(killed.statusCode()).isEqualTo(503);
            assertThat(killed.body()).contains("\"killSwitch\":true");
        }
    }

    /**
     * A pool of KIS accounts in won and a Binance account in USDT: equity and today's P&L are one series per
     * currency, never 10,250,000 won and 100,000 USDT added into one number.
     */
    @Test
    void metricsGiveEquityAndDailyPnlPerCurrencyNeverASumAcrossCurrencies() throws Exception {
        Portfolio portfolio = new Portfolio();
        portfolio.setCurrency("KIS_001", "KRW");
        portfolio.setCash("KIS_001", 10_000_000);
        portfolio.setCurrency("KIS_002", "KRW");
        portfolio.setCash("KIS_002", 250_000);
        portfolio.setCurrency("BN_MAIN", "USDT");
        portfolio.setCash("BN_MAIN", 100_000);
        portfolio.fill("BN_MAIN", "BTCUSDT", 0.5, 60_000, 30, 0, 0);
        HealthServer.Snapshot snapshot = new HealthServer.Snapshot("Momentum", "paper", 0,
                portfolio.equityByCurrency(), portfolio.dailyPnlByCurrency(), 1, 0, false, List.of());
        HttpClient http = HttpClient.newHttpClient();
        try (HealthServer server = HealthServer.start(0, () -> snapshot)) {
            String base = "http://127.0.0.1:" + server.port();
            String metrics = get(http, base + "/metrics").body();
            assertThat(metrics).contains("stratc_equity{currency=\"KRW\"} 10250000\n")
                    .contains("stratc_equity{currency=\"USDT\"} 99970\n") // the fill's 30 USDT fee
                    .contains("stratc_daily_pnl{currency=\"USDT\"} -30\n")
                    .contains("stratc_daily_pnl{currency=\"KRW\"} 0\n")
                    .doesNotContainPattern("(?m)^stratc_equity ");
            assertThat(get(http, base + "/metrics.json").body())
                    .contains("\"equity\":{\"KRW\":1.025E7,\"USDT\":99970.0}");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
