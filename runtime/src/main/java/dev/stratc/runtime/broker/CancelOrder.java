package dev.stratc.runtime.broker;

/** Cancels the rest of a working order. */
public record CancelOrder(String clientOrderId, String symbol) {
}
