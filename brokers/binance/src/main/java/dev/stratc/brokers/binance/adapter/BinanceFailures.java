package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.rest.BinanceApiException;
import dev.stratc.brokers.binance.rest.HostBannedException;
import dev.stratc.runtime.broker.BrokerException;
import java.io.UncheckedIOException;

/** How a failure of a Binance call becomes a {@link BrokerException}: one rule for the Spot and futures adapters. */
final class BinanceFailures {
    private BinanceFailures() {
    }

    /**
     * @param account how the message names the account ("Binance account main")
     * @param kind    the kind to report, or null to derive it from the failure
     */
    static BrokerException failure(String account, RuntimeException e, BrokerException.Kind kind, String what) {
        if (e instanceof BrokerException known) {
            return known;
        }
        BrokerException.Kind resolved = kind;
        if (resolved == null) {
            resolved = switch (e) {
                case HostBannedException banned -> BrokerException.Kind.RATE_LIMITED;
                case BinanceApiException api when api.httpStatus() == 429 -> BrokerException.Kind.RATE_LIMITED;
                case BinanceApiException api when api.httpStatus() == 401 || api.code() == BinanceApiException.INVALID_SIGNATURE
                        || api.code() == -2015 || api.code() == -2014 -> BrokerException.Kind.AUTHENTICATION;
                case BinanceApiException api when api.outcomeUnknown() -> BrokerException.Kind.OUTCOME_UNKNOWN;
                case UncheckedIOException io -> BrokerException.Kind.NOT_CONNECTED;
                default -> BrokerException.Kind.BROKER_ERROR;
            };
        }
        return new BrokerException(resolved, account + ": " + what + ": " + e.getMessage(), e);
    }
}
