package dev.stratc.strategy;

import java.util.Map;

/**
 * A named signal emitted by {@code scan}, with its payload evaluated at that moment (values are {@code Double},
 * {@code Boolean} or {@code String}).
 */
public record Signal(String name, String symbol, long time, Map<String, Object> payload) {
    public Signal {
        payload = Map.copyOf(payload);
    }
}
