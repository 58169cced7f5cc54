package dev.stratc.runtime.broker;

import java.nio.file.Path;

/**
 * Makes a broker port for an account of {@code config/accounts.yaml}. Each adapter module registers one in
 * {@code META-INF/services/dev.stratc.runtime.broker.BrokerFactory}; the pool finds it by {@link #name()}
 * (the account's {@code broker:} value).
 */
public interface BrokerFactory {

    /** {@code kis}, {@code binance}. */
    String name();

    /**
     * A port for one account, not yet started.
     *
     * @param account  the account's settings: its id, environment and the broker-specific values
     * @param stateDir where the adapter keeps what must outlive the process (token caches), under the run's
     *                 state directory
     */
    BrokerPort create(BrokerAccount account, Path stateDir);
}
