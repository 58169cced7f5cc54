package dev.stratc.brokers.kis.rest;

import java.math.BigDecimal;

/**
 * 매수가능조회.
 *
 * @param orderableCash      {@code ord_psbl_cash}
 * @param cashOnlyQuantity   {@code nrcvb_buy_qty}: shares buyable without going into 미수 (unsettled credit)
 * @param maxQuantity        {@code max_buy_qty}: including what margin allows
 */
public record KisBuyable(BigDecimal orderableCash, long cashOnlyQuantity, long maxQuantity) {
}
