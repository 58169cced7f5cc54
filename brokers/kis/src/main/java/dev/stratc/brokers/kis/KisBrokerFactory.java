package dev.stratc.brokers.kis;

import dev.stratc.brokers.kis.auth.TokenCache;
import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.run.ConfigFiles;
import java.nio.file.Path;
import java.util.Set;

/** {@code broker: kis} in {@code config/accounts.yaml}; found by the runtime through {@code ServiceLoader}. */
public final class KisBrokerFactory implements BrokerFactory {

    @Override
    public String name() {
        return "kis";
    }

    /** The keys {@link KisSettings} reads. */
    @Override
    public Set<String> settingKeys() {
        return Set.of("app_key", "app_secret", "account_number", "hts_id", "custtype", "requests_per_second",
                "rest_url", "ws_url", "hashkey", "token_cache_dir", "commission_percent", "sell_tax_percent");
    }

    /**
     * Tokens are cached where every command keeps them ({@link TokenCache#defaultDirectory()}, shared with
     * {@code stratc data fetch kis}) unless the account names a {@code token_cache_dir}; the client-id →
     * order-number files go to {@code stateDir/kis-orders}.
     */
    @Override
    public BrokerPort create(BrokerAccount account, Path stateDir) {
        KisAccountConfig config;
        try {
            config = KisSettings.toConfig(account, TokenCache.defaultDirectory());
        } catch (KisException e) {
            // a setting the user has to fix (bad account number, environment, missing variable): bad input, exit 65
            throw new ConfigFiles.ConfigException(e.getMessage());
        }
        return KisBroker.open(config,
                stateDir.resolve("kis-orders"));
    }
}
