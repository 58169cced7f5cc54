package dev.stratc.brokers.kis.rest;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One chart bar; {@code start} is exchange-local (KST) time, midnight for daily bars. */
public record KisBar(LocalDateTime start, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        long volume) {
}
