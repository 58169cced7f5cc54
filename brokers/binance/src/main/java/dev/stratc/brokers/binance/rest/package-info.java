/**
 * Spot REST: one {@link dev.stratc.brokers.binance.rest.BinanceHttp} per host (its clock offset and its IP
 * weight budget are shared by every account on this machine), a {@link dev.stratc.brokers.binance.rest.SpotMarketClient}
 * for public data and one {@link dev.stratc.brokers.binance.rest.SpotAccountClient} per account or sub-account
 * (its own key and its own order-count limits).
 */
package dev.stratc.brokers.binance.rest;
