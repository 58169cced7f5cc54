package dev.stratc.runtime.broker;

/** How long an order works: until cancelled, or for the trading day (KIS orders are day orders). */
public enum TimeInForce { GTC, DAY, IOC }
