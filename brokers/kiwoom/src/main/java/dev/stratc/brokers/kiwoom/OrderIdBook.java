package dev.stratc.brokers.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.runtime.broker.OrderJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The runtime's client order ids and the Kiwoom order numbers they became, one JSON line per order in a file per
 * account and trading day, written (synced) as soon as Kiwoom answers. Kiwoom keeps no client ids, so this is how
 * a restarted process finds its orders and refuses to send one of them again.
 */
final class OrderIdBook {
    record Entry(String clientOrderId, String orderNo, String symbol, String side, String type, long quantity,
            double limitPrice) {
    }

    private final OrderJournal journal;

    OrderIdBook(Path file) {
        this.journal = new OrderJournal(file);
    }

    void record(Entry e) {
        String line = KiwoomJson.MAPPER.createObjectNode().put("client_order_id", e.clientOrderId())
                .put("ord_no", e.orderNo()).put("symbol", e.symbol()).put("side", e.side()).put("type", e.type())
                .put("quantity", e.quantity()).put("limit_price", e.limitPrice()).toString();
        try {
            journal.append(line);
        } catch (IOException ex) {
            throw new KiwoomException("cannot record order " + e.clientOrderId() + " (Kiwoom " + e.orderNo() + ") in "
                    + journal.file() + ": " + ex.getMessage(), ex);
        }
    }

    List<Entry> load() {
        try {
            return journal.read(line -> {
                JsonNode j = KiwoomJson.MAPPER.readTree(line);
                return new Entry(j.path("client_order_id").asText(), j.path("ord_no").asText(),
                        j.path("symbol").asText(), j.path("side").asText(), j.path("type").asText(),
                        j.path("quantity").asLong(), j.path("limit_price").asDouble(Double.NaN));
            });
        } catch (IOException e) {
            throw new KiwoomException("cannot read " + journal.file() + ": " + e.getMessage(), e);
        }
    }
}
