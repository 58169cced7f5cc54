/**
 * The runtime's broker port for Binance Spot: {@link dev.stratc.brokers.binance.adapter.BinanceBroker} (one per
 * account or sub-account), the shared per-host plumbing in {@link dev.stratc.brokers.binance.adapter.BinanceHost},
 * and the {@link dev.stratc.brokers.binance.adapter.BinanceBrokerFactory} the account pool finds by
 * {@code broker: binance}.
 */
package dev.stratc.brokers.binance.adapter;
