package dev.stratc.runtime.broker;

/** A holding as the broker reports it; {@code quantity} is signed (negative when short). */
public record BrokerPosition(String symbol, double quantity, double averagePrice) {
}
