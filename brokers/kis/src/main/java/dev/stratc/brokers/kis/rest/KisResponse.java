package dev.stratc.brokers.kis.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful KIS reply: the body (keys in lower case) and the {@code tr_cont} response header, which is
 * {@code F} or {@code M} while more pages follow and {@code D} or {@code E} on the last one.
 */
public record KisResponse(JsonNode body, String trCont) {

    public boolean hasMore() {
        return "F".equals(trCont) || "M".equals(trCont);
    }
}
