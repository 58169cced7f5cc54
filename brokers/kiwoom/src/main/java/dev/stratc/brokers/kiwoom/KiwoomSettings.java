package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerAccount;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** The keys of a {@code broker: kiwoom} account entry, and the config they make. */
public final class KiwoomSettings {
    public static final Set<String> KEYS = Set.of("app_key", "secret_key", "rest_url", "ws_url", "token_cache_dir",
            "exchange", "per_api_id_per_second", "queries_per_second", "orders_per_second", "max_streamed_symbols",
            "commission_percent", "sell_tax_percent");

    private KiwoomSettings() {
    }

    public static KiwoomConfig toConfig(BrokerAccount account, Path defaultTokenDir) {
        KiwoomEnvironment environment = KiwoomEnvironment.of(account.environment());
        KiwoomLimits defaults = KiwoomLimits.defaults(environment);
        KiwoomLimits limits = new KiwoomLimits(
                number(account, "per_api_id_per_second").orElse(defaults.perApiId()),
                number(account, "queries_per_second").orElse(defaults.queriesPerSecond()),
                number(account, "orders_per_second").orElse(defaults.ordersPerSecond()));
        String tokenDir = account.setting("token_cache_dir").orElse(null);
        return new KiwoomConfig(account.id(), environment, account.secret("app_key"), account.secret("secret_key"),
                account.setting("rest_url").orElse(null), account.setting("ws_url").orElse(null),
                tokenDir == null || tokenDir.isBlank() ? defaultTokenDir : Path.of(tokenDir), limits,
                account.setting("exchange").orElse(null),
                number(account, "max_streamed_symbols").map(Double::intValue).orElse(0),
                number(account, "commission_percent").orElse(0.015), number(account, "sell_tax_percent").orElse(0.20));
    }

    private static Optional<Double> number(BrokerAccount account, String key) {
        return account.setting(key).map(text -> {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new KiwoomException("Kiwoom account " + account.id() + ": " + key + " '" + text
                        + "' is not a number");
            }
        });
    }
}
