package dev.stratc.brokers.binance.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stratc.brokers.binance.stream.StreamTimings;
import dev.stratc.runtime.broker.Placeholders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code config/brokers/binance.yaml}: the addresses of production and the Spot Testnet, the default
 * {@code recvWindow} and the stream timings. Every value may be a {@code ${VAR}} placeholder. A missing file
 * means Binance's published defaults.
 */
public record BinanceConfig(BinanceEndpoints production, BinanceEndpoints testnet, Duration recvWindow,
        StreamTimings streams) {

    public static final BinanceConfig DEFAULTS = new BinanceConfig(BinanceEndpoints.PRODUCTION, BinanceEndpoints.TESTNET,
            Duration.ofSeconds(5), StreamTimings.BINANCE);

    public static BinanceConfig load(Path file) {
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return DEFAULTS;
        }
        return new BinanceConfig(endpoints(root.path("production"), DEFAULTS.production(), file + ": production"),
                endpoints(root.path("testnet"), DEFAULTS.testnet(), file + ": testnet"),
                Duration.ofMillis(root.path("recv_window_ms").asLong(DEFAULTS.recvWindow().toMillis())),
                timings(root.path("streams"), file));
    }

    private static BinanceEndpoints endpoints(JsonNode node, BinanceEndpoints defaults, String where) {
        try {
            return defaults.with(text(node, "rest_url", where), text(node, "ws_api_url", where),
                    text(node, "stream_url", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static StreamTimings timings(JsonNode node, Path file) {
        StreamTimings d = StreamTimings.BINANCE;
        return new StreamTimings(
                Duration.ofMinutes(node.path("rotate_after_minutes").asLong(d.rotateAfter().toMinutes())),
                Duration.ofMillis(node.path("overlap_grace_ms").asLong(d.overlapGrace().toMillis())),
                Duration.ofMillis(node.path("reconnect_min_ms").asLong(d.reconnectMin().toMillis())),
                Duration.ofMillis(node.path("reconnect_max_ms").asLong(d.reconnectMax().toMillis())),
                node.path("alert_after_failures").asInt(d.alertAfterFailures()));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : Placeholders.resolve(value.asText(), where + "." + field);
    }
}
