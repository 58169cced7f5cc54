/**
 * The Binance broker adapter: Spot over REST and the WebSocket API, market data over combined streams.
 *
 * <p>Layers, each usable on its own: {@link dev.stratc.brokers.binance.sign} (what goes on the wire and its
 * signature), {@link dev.stratc.brokers.binance.filters} (exchangeInfo rules applied before sending),
 * {@link dev.stratc.brokers.binance.rest} (endpoints, errors and rate limits),
 * {@link dev.stratc.brokers.binance.stream} (market streams and user data),
 * {@link dev.stratc.brokers.binance.config} (endpoints, keys from the environment, accounts),
 * {@link dev.stratc.brokers.binance.adapter} (the runtime's broker port),
 * {@link dev.stratc.brokers.binance.history} (kline history into bars) and
 * {@link dev.stratc.brokers.binance.futures} (USDⓈ-M futures over REST).
 */
package dev.stratc.brokers.binance;
