/** Spot orders as Binance takes them: the types we place and the order we ask for, with our own client id. */
package dev.stratc.brokers.binance.order;
