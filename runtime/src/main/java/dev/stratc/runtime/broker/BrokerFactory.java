package dev.stratc.runtime.broker;

import java.nio.file.Path;
import java.util.Set;

/**
 * Makes a broker port for an account of {@code config/accounts.yaml}. Each adapter module registers one in
 * {@code META-INF/services/dev.stratc.runtime.broker.BrokerFactory}; the pool finds it by {@link #name()}
 * (the account's {@code broker:} value).
 */
public interface BrokerFactory {

    /** What {@link #settingKeys()} returns for an adapter that does not name its keys: any key is accepted. */
    Set<String> ANY_KEY = Set.of("*");

    /** {@code kis}, {@code binance}. */
    String name();

    /**
     * The broker-specific keys an account entry of this broker may have, besides the pool's own ({@code id},
     * {@code broker}, {@code environment}, {@code max_positions}, ...). {@code config/accounts.yaml} refuses any
     * other key with its line and the nearest known one, so a misspelt setting never silently falls back to
     * its default. {@link #ANY_KEY} (the default) accepts every key.
     */
    default Set<String> settingKeys() {
        return ANY_KEY;
    }

    /**
     * A port for one account, not yet started.
     *
     * @param account  the account's settings: its id, environment and the broker-specific values
     * @param stateDir where the adapter keeps what must outlive the process (token caches), under the run's
     *                 state directory
     */
    BrokerPort create(BrokerAccount account, Path stateDir);
}
