/** Where Binance is (production, Spot Testnet, every URL overridable) and how an account is configured. */
package dev.stratc.brokers.binance.config;
