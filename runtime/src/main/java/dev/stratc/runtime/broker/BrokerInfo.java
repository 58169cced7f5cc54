package dev.stratc.runtime.broker;

/**
 * What the pool needs to know about a connected broker.
 *
 * @param venue            {@code KIS}, {@code BINANCE}, {@code SIM}
 * @param environment      where orders go
 * @param currency         the quote currency of prices and balances ({@code KRW}, {@code USDT})
 * @param maxSubscriptions how many symbols one session can stream at once (KIS: about 41 per app key)
 * @param quoteBatchSize   how many symbols one {@link BrokerPort#quotes} request may ask for (KIS: 30);
 *                         0 when the broker has no snapshot request
 */
public record BrokerInfo(String venue, Environment environment, String currency, int maxSubscriptions,
                         int quoteBatchSize) {

    public enum Environment {
        /** The built-in simulated exchange. */
        SIMULATED,
        /** A broker's paper environment (KIS 모의투자, Binance Spot Testnet). */
        PAPER,
        /** Real money. */
        LIVE
    }
}
