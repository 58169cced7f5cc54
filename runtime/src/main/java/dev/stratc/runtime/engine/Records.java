package dev.stratc.runtime.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.journal.JsonLines;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.strategy.AccountChoice;
import dev.stratc.strategy.Signal;

/** The journal's shapes of intents and broker events, both ways. */
final class Records {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Records() {
    }

    static ObjectNode intent(OrderIntent intent) {
        ObjectNode record = JsonLines.record("intent");
        record.put("id", intent.clientOrderId()).put("symbol", intent.symbol()).put("side", intent.side().name())
                .put("orderType", intent.type().name()).put("quantity", intent.quantity())
                .put("reducing", intent.reducing()).put("seq", intent.sequence()).put("decidedAt", intent.time())
                .put("reason", intent.reason());
        if (intent.type() == OrderType.LIMIT) {
            record.put("limit", intent.limitPrice());
        }
        if (intent.tag() != null) {
            record.put("tag", intent.tag());
        }
        if (!Double.isNaN(intent.touchedPrice())) {
            // a stop exit sent again after a restart must still fill at the price its stop was touched at
            record.put("touchedPrice", intent.touchedPrice());
        }
        return record;
    }

    static OrderIntent intent(ObjectNode record) {
        return new OrderIntent(record.path("id").asText(), record.path("symbol").asText(),
                Side.valueOf(record.path("side").asText()), OrderType.valueOf(record.path("orderType").asText()),
                record.path("quantity").asDouble(), record.path("limit").asDouble(Double.NaN),
                new AccountChoice.Named(record.path("account").asText()),
                record.hasNonNull("tag") ? record.path("tag").asText() : null, record.path("reason").asText(),
                record.path("reducing").asBoolean(), record.path("seq").asLong(), record.path("decidedAt").asLong(),
                record.path("touchedPrice").asDouble(Double.NaN));
    }

    static ObjectNode signal(Signal signal) {
        ObjectNode record = JsonLines.record("signal");
        record.put("name", signal.name()).put("symbol", signal.symbol()).put("signalTime", signal.time());
        record.set("payload", JSON.valueToTree(signal.payload()));
        return record;
    }

    static ObjectNode event(OrderEvent event) {
        ObjectNode record = JsonLines.record("event");
        record.put("kind", event.getClass().getSimpleName());
        ObjectNode fields = JSON.valueToTree(event);
        fields.set("eventTime", fields.remove("time"));
        record.setAll(fields);
        return record;
    }

    static OrderEvent event(ObjectNode record) {
        ObjectNode fields = record.deepCopy();
        String kind = fields.remove("kind").asText();
        for (String meta : new String[] {"type", "n", "account", "crc", "seq"}) {
            fields.remove(meta);
        }
        fields.put("time", record.path("eventTime").asLong(record.path("time").asLong()));
        fields.remove("eventTime");
        Class<? extends OrderEvent> type = switch (kind) {
            case "Accepted" -> OrderEvent.Accepted.class;
            case "Rejected" -> OrderEvent.Rejected.class;
            case "Fill" -> OrderEvent.Fill.class;
            case "Cancelled" -> OrderEvent.Cancelled.class;
            case "Expired" -> OrderEvent.Expired.class;
            case "Replaced" -> OrderEvent.Replaced.class;
            case "CancelRejected" -> OrderEvent.CancelRejected.class;
            default -> throw new IllegalArgumentException("unknown order event '" + kind + "' in the journal");
        };
        try {
            return JSON.treeToValue(fields, type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable order event in the journal: " + record, e);
        }
    }
}
