package dev.stratc.runtime.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.stratc.runtime.engine.Engine;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountHealth;

/**
 * Health and metrics of a run on the loopback interface only: {@code /health} (JSON; HTTP 503 when an account
 * has failed or the kill switch is thrown), {@code /metrics} (Prometheus text) and {@code /metrics.json}.
 * It reads a {@link Snapshot} the engine thread publishes, never the engine's own state.
 */
public final class HealthServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private Dashboard dashboard;

    /**
     * What the endpoints show; immutable, replaced as a whole by the engine thread. Equity and today's P&L are by
     * currency (KRW, USDT): won and dollars are never added.
     */
    public record Snapshot(String strategy, String mode, long marketTime, Map<String, Double> equity,
                           Map<String, Double> dailyPnl, int openPositions, int workingOrders, boolean killSwitch,
                           List<AccountState> accounts) {
        public Snapshot {
            equity = Collections.unmodifiableMap(new TreeMap<>(equity));
            dailyPnl = Collections.unmodifiableMap(new TreeMap<>(dailyPnl));
        }
    }

    /** What the engine shows now; call on the engine thread. */
    public static Snapshot snapshot(Engine engine, String strategy, String mode) {
        return new Snapshot(strategy, mode, engine.clock(), engine.portfolio().equityByCurrency(),
                engine.portfolio().dailyPnlByCurrency(), engine.portfolio().openPositions().size(),
                engine.orders().working().size(), engine.risk().killSwitch().engaged(),
                engine.pool().accounts().stream().map(AccountState::of).toList());
    }

    public record AccountState(String id, String venue, AccountHealth health, double load, long orders, long requests,
                               long throttled, long errors) {
        public static AccountState of(Account account) {
            return new AccountState(account.id(), account.info().venue(), account.health(), account.load(),
                    account.orderCount(), account.requestCount(), account.throttledCount(), account.errorCount());
        }
    }

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} ({@code 0}: any free port). */
    public static HealthServer start(int port, Supplier<Snapshot> snapshots) {
        return start(port, snapshots, () -> "");
    }

    /** {@link #start(int, Supplier)}, {@code /metrics} followed by {@code more} (a bus's series, already Prometheus text). */
    public static HealthServer start(int port, Supplier<Snapshot> snapshots, Supplier<String> more) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/health", exchange -> {
                Snapshot s = snapshots.get();
                boolean healthy = !s.killSwitch() && s.accounts().stream().noneMatch(a -> a.health() == AccountHealth.FAILED);
                ObjectNode body = JSON.createObjectNode();
                body.put("status", healthy ? "ok" : "degraded").put("strategy", s.strategy()).put("mode", s.mode())
                        .put("killSwitch", s.killSwitch());
                ArrayNode accounts = body.putArray("accounts");
                s.accounts().forEach(a -> accounts.addObject().put("id", a.id()).put("health", a.health().name()));
                reply(exchange, healthy ? 200 : 503, "application/json", body.toString());
            });
            server.createContext("/metrics.json", exchange ->
                    reply(exchange, 200, "application/json", JSON.writeValueAsString(snapshots.get())));
            server.createContext("/metrics", exchange -> {
                if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                    reply(exchange, 404, "text/plain", "not found\n");
                    return;
                }
                reply(exchange, 200, "text/plain; version=0.0.4", prometheus(snapshots.get()) + more.get());
            });
            // the dashboard's event streams stay open: a thread each, so /health never waits behind them
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new HealthServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds the live dashboard ({@code /dashboard}, {@code /events}, {@code POST /kill}) to this port. {@code views}
     * is read from the HTTP threads (an immutable view the engine thread replaces); {@code kill} throws the switch
     * when a POST carries {@code token}.
     */
    public HealthServer withDashboard(Supplier<DashboardView> views, String token, java.util.function.Consumer<String> kill) {
        dashboard = Dashboard.register(server, views, token, kill);
        return this;
    }

    /** A new random token for the dashboard's kill button; print it once, never log it. */
    public static String newToken() {
        return Dashboard.newToken();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    static String prometheus(Snapshot s) {
        StringBuilder text = new StringBuilder();
        byCurrency(text, "stratc_equity", "Equity of the accounts that report in the currency", s.equity());
        byCurrency(text, "stratc_daily_pnl", "Today's profit and loss of the accounts that report in the currency",
                s.dailyPnl());
        gauge(text, "stratc_open_positions", "Open positions", s.openPositions());
        gauge(text, "stratc_working_orders", "Orders sent and not finished", s.workingOrders());
        gauge(text, "stratc_kill_switch", "1 when the kill switch is thrown", s.killSwitch() ? 1 : 0);
        gauge(text, "stratc_market_time_seconds", "Market time of the last event", s.marketTime() / 1000.0);
        text.append("# HELP stratc_account_load Busiest rate limit of the account, 0 to 1\n# TYPE stratc_account_load gauge\n");
        s.accounts().forEach(a -> text.append(labelled("stratc_account_load", a, a.load())));
        text.append("# HELP stratc_account_healthy 1 healthy, 0.5 degraded, 0 failed\n# TYPE stratc_account_healthy gauge\n");
        s.accounts().forEach(a -> text.append(labelled("stratc_account_healthy", a,
                a.health() == AccountHealth.HEALTHY ? 1 : a.health() == AccountHealth.DEGRADED ? 0.5 : 0)));
        for (String counter : new String[] {"orders", "requests", "throttled", "errors"}) {
            text.append("# HELP stratc_account_").append(counter).append("_total Account ").append(counter)
                    .append(" since start\n# TYPE stratc_account_").append(counter).append("_total counter\n");
            s.accounts().forEach(a -> text.append(labelled("stratc_account_" + counter + "_total", a, switch (counter) {
                case "orders" -> a.orders();
                case "requests" -> a.requests();
                case "throttled" -> a.throttled();
                default -> a.errors();
            })));
        }
        return text.toString();
    }

    private static void gauge(StringBuilder text, String name, String help, double value) {
        text.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
                .append(" gauge\n").append(name).append(' ').append(number(value)).append('\n');
    }

    /** One series per currency, labelled with it; an account whose currency is not known is {@code unknown}. */
    private static void byCurrency(StringBuilder text, String name, String help, Map<String, Double> values) {
        text.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
                .append(" gauge\n");
        values.forEach((currency, value) -> text.append(name).append("{currency=\"")
                .append(currency.isEmpty() ? "unknown" : currency.replace("\"", "")).append("\"} ")
                .append(number(value)).append('\n'));
    }

    private static String labelled(String name, AccountState account, double value) {
        return name + "{account=\"" + account.id().replace("\"", "") + "\",venue=\"" + account.venue() + "\"} "
                + number(value) + "\n";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.6g", value);
    }

    static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (dashboard != null) {
            dashboard.close();
        }
        server.stop(0);
    }
}
