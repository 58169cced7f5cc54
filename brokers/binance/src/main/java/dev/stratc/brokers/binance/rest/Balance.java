package dev.stratc.brokers.binance.rest;

import java.math.BigDecimal;

/** One asset of a Spot account: {@code free} can be traded, {@code locked} is held by open orders. */
public record Balance(String asset, BigDecimal free, BigDecimal locked) {
    public BigDecimal total() {
        return free.add(locked);
    }
}
