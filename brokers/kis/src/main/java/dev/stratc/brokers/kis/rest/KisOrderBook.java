package dev.stratc.brokers.kis.rest;

import java.math.BigDecimal;
import java.util.List;

/** Ten levels a side, best first. {@code time} is KIS's HHMMSS. */
public record KisOrderBook(String symbol, String time, List<Level> asks, List<Level> bids) {

    public record Level(BigDecimal price, long quantity) {
    }
}
