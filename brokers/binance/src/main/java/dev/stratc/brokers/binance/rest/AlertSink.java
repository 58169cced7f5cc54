package dev.stratc.brokers.binance.rest;

/** Where the adapter raises what an operator must see now (an IP ban, a stream that keeps failing). */
@FunctionalInterface
public interface AlertSink {
    void alert(String message);
}
