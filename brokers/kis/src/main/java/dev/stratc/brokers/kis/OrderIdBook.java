package dev.stratc.brokers.kis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.kis.rest.KisJson;
import dev.stratc.runtime.broker.OrderJournal;
import java.io.IOException;
import java.nio.file.Path;
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

    private final OrderJournal journal;

    OrderIdBook(Path file) {
        this.journal = new OrderJournal(file);
    }

    void record(Entry entry) {
        String line = KisJson.MAPPER.createObjectNode()
                .put("client_order_id", entry.clientOrderId()).put("odno", entry.orderNo())
                .put("branch", entry.branch()).put("symbol", entry.symbol()).put("side", entry.side())
                .put("type", entry.type()).put("quantity", entry.quantity()).put("limit_price", entry.limitPrice())
                .toString();
        try {
            journal.append(line);
        } catch (IOException e) {
            throw new KisException("cannot record order " + entry.clientOrderId() + " (KIS " + entry.orderNo()
                    + ") in " + journal.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The entries written so far; a line torn by a crash is skipped (the order it named is found by its ODNO on
     * KIS anyway).
     */
    List<Entry> load() {
        try {
            return journal.read(line -> {
                JsonNode json = KisJson.parse(line);
                return new Entry(KisJson.text(json, "client_order_id"), KisJson.text(json, "odno"),
                        KisJson.text(json, "branch"), KisJson.text(json, "symbol"), KisJson.text(json, "side"),
                        KisJson.text(json, "type"), json.path("quantity").asLong(),
                        json.path("limit_price").asDouble(Double.NaN));
            });
        } catch (IOException e) {
            throw new KisException("cannot read " + journal.file() + ": " + e.getMessage(), e);
        }
    }
}
