package dev.stratc.brokers.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ka10095} (관심종목정보): the current price, best bid and ask and the day's volume of up to {@link #MAX_CODES}
 * codes in one request, {@code stk_cd} joined by {@code |}, rows in {@code atn_stk_infr[]}. What the pool polls for
 * the symbols the WebSocket session does not stream. More than 100 codes is refused with {@code [1634]} (a batch
 * limit, not a rate limit: never retried); codes Kiwoom does not know are left out of the answer.
 */
public final class KiwoomQuotes {
    /** The most codes one request takes (a field report: 110 gave {@code [1634]}). */
    public static final int MAX_CODES = 100;

    /**
     * One row. Prices are absolute (the sign is the direction against the previous close); {@code volume} is the
     * day's so far. ka10095's rows carry no sizes at the best prices that any source names: they are 0.
     */
    public record Snapshot(String symbol, double price, double bid, double ask, long volume) {
    }

    private final KiwoomRest rest;

    KiwoomQuotes(KiwoomRest rest) {
        this.rest = rest;
    }

    public List<Snapshot> snapshot(List<String> symbols) {
        if (symbols.size() > MAX_CODES) {
            throw new IllegalArgumentException("ka10095 takes at most " + MAX_CODES + " codes, not " + symbols.size());
        }
        List<String> codes = symbols.stream().map(KiwoomNumbers::code).filter(KiwoomNumbers::isKrxCode).toList();
        if (codes.isEmpty()) {
            return List.of();
        }
        ObjectNode body = KiwoomJson.MAPPER.createObjectNode().put("stk_cd", String.join("|", codes));
        List<Snapshot> rows = new ArrayList<>();
        for (JsonNode row : KiwoomJson.rows(rest.call("ka10095", KiwoomRest.STOCK_INFO, body), "atn_stk_infr")) {
            double price = KiwoomNumbers.priceValue(KiwoomJson.text(row, "cur_prc"));
            if (price <= 0) {
                continue; // a halted or unknown code: no price to tell
            }
            rows.add(new Snapshot(KiwoomNumbers.code(KiwoomJson.text(row, "stk_cd")), price,
                    KiwoomNumbers.priceValue(KiwoomJson.text(row, "buy_bid")),
                    KiwoomNumbers.priceValue(KiwoomJson.text(row, "sel_bid")),
                    Math.abs(KiwoomNumbers.quantity(KiwoomJson.text(row, "trde_qty")))));
        }
        return rows;
    }
}
