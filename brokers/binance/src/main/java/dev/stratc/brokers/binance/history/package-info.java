/** Historical klines from Binance into the data store's bar lists ({@code stratc data fetch binance}). */
package dev.stratc.brokers.binance.history;
