package dev.stratc.brokers.kis.ws;

import dev.stratc.brokers.kis.rest.KisOrderBook;

/** One {@code H0STASP0} frame (실시간호가): the ten levels a side, and the session code (HOUR_CLS_CODE). */
public record KisBookUpdate(KisOrderBook book, String sessionCode) {
}
