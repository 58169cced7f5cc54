package dev.stratc.brokers.kis;

import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.Placeholders;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The keys of a KIS account entry, the same in {@code config/accounts.yaml} ({@code broker: kis}) and in
 * {@code config/brokers/kis.yaml}: {@code app_key}, {@code app_secret}, {@code account_number} (required),
 * {@code hts_id}, {@code custtype}, {@code requests_per_second}, {@code rest_url}, {@code ws_url},
 * {@code hashkey}, {@code token_cache_dir}, {@code commission_percent}, {@code sell_tax_percent} (optional;
 * {@link KisFees}). Values may be {@code ${ENV}} placeholders.
 */
public final class KisSettings {

    private KisSettings() {
    }

    /** The account's configuration; {@code defaultTokenDir} is used unless {@code token_cache_dir} is given. */
    public static KisAccountConfig toConfig(BrokerAccount account, Path defaultTokenDir) {
        String id = account.id();
        try {
            KisMode mode = mode(account.environment());
            KisEndpoints endpoints = KisEndpoints.defaults(mode)
                    .override(account.setting("rest_url").orElse(null), account.setting("ws_url").orElse(null));
            Path tokenDir = account.setting("token_cache_dir").map(Path::of).orElse(defaultTokenDir);
            return new KisAccountConfig(id, mode,
                    new KisCredentials(account.secret("app_key"), account.secret("app_secret")),
                    accountNumber(account),
                    account.setting("hts_id").orElse(""), account.setting("custtype").orElse("P"), endpoints,
                    account.setting("requests_per_second").map(Double::parseDouble).orElse(0.0), tokenDir,
                    account.setting("hashkey").map(Boolean::parseBoolean).orElse(false),
                    KisFees.of(account.setting("commission_percent"), account.setting("sell_tax_percent")));
        } catch (IllegalArgumentException e) {
            throw new KisException(e.getMessage().contains(id) ? e.getMessage()
                    : "KIS account " + id + ": " + e.getMessage(), e);
        }
    }

    /** The number, or a refusal naming the account and the variable it came from, the number masked. */
    private static KisAccountNumber accountNumber(BrokerAccount account) {
        String value = account.secret("account_number");
        try {
            return KisAccountNumber.parse(value);
        } catch (IllegalArgumentException e) {
            String written = account.settings().get("account_number");
            String source = Placeholders.isPlaceholder(written) ? " (from " + written.strip() + ")" : "";
            throw new IllegalArgumentException("KIS account " + account.id() + ": account_number" + source + ": "
                    + e.getMessage() + "; set it to the number of the account, as KIS's web page shows it", e);
        }
    }

    /** {@code paper}, or {@code live} (also spelled {@code real}, as KIS says 실전). */
    static KisMode mode(String environment) {
        return switch (environment == null ? "" : environment.strip().toLowerCase(Locale.ROOT)) {
            case "paper" -> KisMode.PAPER;
            case "live", "real" -> KisMode.REAL;
            default -> throw new IllegalArgumentException("environment must be 'paper' or 'live', was '"
                    + environment + "'");
        };
    }
}
