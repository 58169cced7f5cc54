/**
 * The Korea Investment &amp; Securities (KIS) Open Trading API adapter.
 *
 * <p>Layers, outermost last: {@link dev.stratc.brokers.kis.symbols} (codes, ticks, price bands),
 * {@link dev.stratc.brokers.kis.auth} (access token, approval key, hashkey),
 * {@link dev.stratc.brokers.kis.rest} (the REST envelope, rate limiting, pagination, typed endpoints),
 * {@link dev.stratc.brokers.kis.ws} (the real-time socket). {@link dev.stratc.brokers.kis.KisAccountConfig}
 * says which server, which keys and which account; protocol facts are documented in {@code docs/brokers/kis.md}.
 */
package dev.stratc.brokers.kis;
