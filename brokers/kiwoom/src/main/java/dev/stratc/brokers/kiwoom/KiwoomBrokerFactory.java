package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.run.ConfigFiles;
import java.nio.file.Path;
import java.util.Set;

/** {@code broker: kiwoom} in {@code config/accounts.yaml}; found by the runtime through {@code ServiceLoader}. */
public final class KiwoomBrokerFactory implements BrokerFactory {

    @Override
    public String name() {
        return "kiwoom";
    }

    @Override
    public Set<String> settingKeys() {
        return KiwoomSettings.KEYS;
    }

    /** Tokens go to the shared cache ({@link KiwoomTokens#defaultDirectory()}) unless the account names one. */
    @Override
    public BrokerPort create(BrokerAccount account, Path stateDir) {
        KiwoomConfig config;
        try {
            config = KiwoomSettings.toConfig(account, KiwoomTokens.defaultDirectory());
        } catch (KiwoomException | IllegalArgumentException e) {
            throw new ConfigFiles.ConfigException(e.getMessage());
        }
        return KiwoomBroker.open(config, stateDir.resolve("kiwoom-orders"));
    }
}
