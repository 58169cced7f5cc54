package dev.stratc.runtime.portfolio;

import java.util.List;

import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerPort;

/**
 * An account's cash as the runtime counts it: the free balance of its quote currency
 * ({@link dev.stratc.runtime.broker.BrokerInfo#currency()}). Other assets are holdings, priced in that currency,
 * never cash; what working orders lock is not free to spend.
 */
public final class QuoteCash {
    private QuoteCash() {
    }

    public static double of(BrokerPort broker) {
        return of(broker.balances(), broker.info().currency());
    }

    /** The free balance of {@code currency}; 0 when the account has none. */
    public static double of(List<Balance> balances, String currency) {
        return balances.stream().filter(b -> b.asset().equalsIgnoreCase(currency)).mapToDouble(Balance::free).sum();
    }
}
