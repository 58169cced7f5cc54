package dev.stratc.brokers.kis.rest;

/**
 * KIS accepted an order (or a revision or cancellation, which gets its own order number).
 *
 * @param branch   {@code KRX_FWDG_ORD_ORGNO}, needed to revise or cancel
 * @param orderNo  {@code ODNO}, 10 digits zero-padded
 * @param time     {@code ORD_TMD}, HHMMSS KST
 */
public record KisOrderAck(String branch, String orderNo, String time) {
}
