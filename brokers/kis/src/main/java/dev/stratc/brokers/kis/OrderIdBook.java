package dev.stratc.brokers.kis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.kis.rest.KisJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's client order ids and the KIS order numbers they became, one JSON line per order, in a file per
 * account and trading day. KIS keeps no client ids, so without this a restarted runtime could not find its orders
 * (and might send them again).
 */
final class OrderIdBook {

    /** One order as first sent: what {@code KisBroker} needs to follow it again. */
    record Entry(String clientOrderId, String orderNo, String branch, String symbol, String side, String type,
            long quantity, double limitPrice) {
    }

    private final Path file;

    OrderIdBook(Path file) {
        this.file = file;
    }

    synchronized void record(Entry entry) {
        String line = KisJson.MAPPER.createObjectNode()
                .put("client_order_id", entry.clientOrderId()).put("odno", entry.orderNo())
                .put("branch", entry.branch()).put("symbol", entry.symbol()).put("side", entry.side())
                .put("type", entry.type()).put("quantity", entry.quantity()).put("limit_price", entry.limitPrice())
                .toString() + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new KisException("cannot record order " + entry.clientOrderId() + " (KIS " + entry.orderNo()
                    + ") in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The entries written so far; a line torn by a crash is skipped. */
    synchronized List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    JsonNode json = KisJson.parse(line);
                    entries.add(new Entry(KisJson.text(json, "client_order_id"), KisJson.text(json, "odno"),
                            KisJson.text(json, "branch"), KisJson.text(json, "symbol"), KisJson.text(json, "side"),
                            KisJson.text(json, "type"), json.path("quantity").asLong(),
                            json.path("limit_price").asDouble(Double.NaN)));
                } catch (IOException | RuntimeException torn) {
                    // the last line of a crashed process; the order it named is found by its ODNO on KIS anyway
                }
            }
        } catch (IOException e) {
            throw new KisException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }
}
