/**
 * Request signing as Binance verifies it: the signature covers exactly the bytes sent, the percent-encoded
 * query string followed by the body, so the encoder and the signer see one and the same string.
 */
package dev.stratc.brokers.binance.sign;
