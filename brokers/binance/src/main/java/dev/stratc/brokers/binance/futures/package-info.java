/**
 * USDⓈ-M futures over REST ({@code /fapi}): orders, leverage and positions, signed and rate-limited exactly as
 * Spot. Not yet behind the runtime's broker port: strategies trade Spot.
 */
package dev.stratc.brokers.binance.futures;
