package dev.stratc.runtime.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The live dashboard on the health server's loopback port: {@code /dashboard} (one offline page, no CDN),
 * {@code /events} (server-sent events, a {@link DashboardView} as JSON every second) and {@code POST /kill}
 * (throws the kill switch; refused with 403 unless the {@value #TOKEN_HEADER} header carries the run's token).
 * The views come from a supplier the engine thread keeps current; nothing here touches the engine.
 */
final class Dashboard {
    static final String TOKEN_HEADER = "X-Stratc-Token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EVERY_MILLIS = 1_000;

    private final Supplier<DashboardView> views;
    private final byte[] token;
    private final Consumer<String> kill;
    private volatile boolean closed;

    private Dashboard(Supplier<DashboardView> views, String token, Consumer<String> kill) {
        this.views = views;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.kill = kill;
    }

    /** A fresh random secret for {@code POST /kill}: 128 bits, hexadecimal. */
    static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Dashboard register(HttpServer server, Supplier<DashboardView> views, String token, Consumer<String> kill) {
        Dashboard dashboard = new Dashboard(views, token, kill);
        server.createContext("/dashboard", dashboard::page);
        server.createContext("/events", dashboard::events);
        server.createContext("/kill", dashboard::kill);
        return dashboard;
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/dashboard")) {
            HealthServer.reply(exchange, 404, "text/plain", "not found\n");
            return;
        }
        HealthServer.reply(exchange, 200, "text/html; charset=utf-8", PAGE);
    }

    /** Sends the current view at once, then every second, until the browser goes away or the run stops. */
    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (!closed) {
                out.write(("data: " + JSON.writeValueAsString(views.get()) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (IOException e) {
            // the browser closed the page
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void kill(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            HealthServer.reply(exchange, 405, "text/plain", "POST with the " + TOKEN_HEADER + " header\n");
            return;
        }
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            HealthServer.reply(exchange, 403, "text/plain",
                    "refused: the " + TOKEN_HEADER + " header must carry the token printed when the run started\n");
            return;
        }
        kill.accept("thrown from the dashboard");
        HealthServer.reply(exchange, 200, "application/json", "{\"killSwitch\":true}");
    }

    void close() {
        closed = true;
    }

    private static final String PAGE = load();

    private static String load() {
        try (InputStream in = Dashboard.class.getResourceAsStream("dashboard.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
