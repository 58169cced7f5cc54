/**
 * The trading rules of a symbol from {@code exchangeInfo}, applied before an order is sent: quantities are
 * floored to the lot step, prices rounded to the tick, and an order that still breaks a rule is refused here
 * with the filter and the numbers, instead of a bare {@code -1013 Filter failure} from the exchange.
 */
package dev.stratc.brokers.binance.filters;
