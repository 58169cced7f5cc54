package dev.stratc.bus.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stratc.runtime.bus.BusProvider.BusAddressException;
import dev.stratc.runtime.market.MarketEvent;

/**
 * A {@code kafka://HOST:PORT[,HOST:PORT…][?option=value&…]} address: the bootstrap servers and the bus's settings.
 * Options, all with defaults that work on one machine: {@code market} (the topics' market name, {@code main}),
 * {@code partitions} (per topic, 12), {@code replication} (1), {@code retention} (how long the topics keep
 * records, {@code 7d}: it must cover the strategy's longest lookback, since a new owner warms up from them),
 * {@code linger} (how long the producer waits to fill a batch, milliseconds, 5: throughput; 0 for the lowest
 * latency), {@code silence} (how long an engine waits on a collector that stopped sending watermarks before it
 * counts it gone, {@code 10s}: a dead collector holds the engines back this long, a live one that stalls longer
 * may have a late record dropped).
 */
public record KafkaBusConfig(String bootstrapServers, String market, int partitions, short replication,
                             Duration retention, int lingerMillis, Duration silence) {

    public static KafkaBusConfig parse(URI address) {
        String where = "--bus '" + address + "'";
        String servers = address.getRawAuthority();
        if (servers == null || servers.isBlank()) {
            throw new BusAddressException(where + ": name the brokers, as in kafka://localhost:9092");
        }
        Map<String, String> options = new LinkedHashMap<>();
        String query = address.getRawQuery();
        if (query != null && !query.isBlank()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new BusAddressException(where + ": option '" + pair + "' needs a value (name=value)");
                }
                options.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        String market = options.getOrDefault("market", "main");
        if (!market.matches("[A-Za-z0-9_-]+")) {
            throw new BusAddressException(where + ": market '" + market + "' may hold letters, digits, - and _");
        }
        int partitions = number(where, "partitions", options.getOrDefault("partitions", "12"), 1, 10_000);
        int replication = number(where, "replication", options.getOrDefault("replication", "1"), 1, 16);
        Duration retention = duration(where, "retention", options.getOrDefault("retention", "7d"));
        Duration silence = duration(where, "silence", options.getOrDefault("silence", "10s"));
        int linger = number(where, "linger", options.getOrDefault("linger", "5"), 0, 1_000);
        for (String name : options.keySet()) {
            if (!List.of("market", "partitions", "replication", "retention", "linger", "silence").contains(name)) {
                throw new BusAddressException(where + ": unknown option '" + name
                        + "' (known: market, partitions, replication, retention, linger, silence)");
            }
        }
        return new KafkaBusConfig(servers, market, partitions, (short) replication, retention, linger, silence);
    }

    /** The topic of one record kind: {@code stratc.<market>.trades|quotes|bars}. */
    public String topic(MarketEvent event) {
        return switch (event) {
            case MarketEvent.Trade t -> topic("trades");
            case MarketEvent.Quote q -> topic("quotes");
            case MarketEvent.Bar b -> topic("bars");
        };
    }

    public String topic(String kind) {
        return "stratc." + market + "." + kind;
    }

    public List<String> topics() {
        return List.of(topic("trades"), topic("quotes"), topic("bars"));
    }

    private static int number(String where, String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BusAddressException(where + ": " + name + " '" + value + "' must be a whole number from " + min
                + " to " + max);
    }

    private static Duration duration(String where, String name, String value) {
        var m = java.util.regex.Pattern.compile("(\\d{1,9})([smhd])").matcher(value);
        if (!m.matches() || m.group(1).matches("0+")) {
            throw new BusAddressException(where + ": " + name + " '" + value + "' must look like 30s, 12h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
