/**
 * Binance WebSockets: market data over combined streams and the account's user data over the WebSocket API.
 * Both ride on a {@link dev.stratc.brokers.binance.stream.RotatingWebSocket}, which replaces a connection
 * (24-hour limit, {@code serverShutdown}) by opening the new one before closing the old, and reconnects after
 * a drop, reporting the gap so the caller can fill it from REST.
 */
package dev.stratc.brokers.binance.stream;
