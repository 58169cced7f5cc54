package dev.stratc.runtime.broker;

import java.util.Map;
import java.util.Optional;

/**
 * One account's settings as an adapter receives them. Secret values are never in the file: the file names an
 * environment variable ({@code app_key: ${KIS_APP_KEY_1}}) and {@link #secret} reads it when asked. This
 * record's {@code toString} shows the variable names only.
 *
 * @param environment {@code paper} or {@code live}
 * @param settings    every other key of the account's entry, as written ({@code account_number},
 *                    {@code base_url}, ...), with {@code ${VAR}} placeholders unresolved
 */
public record BrokerAccount(String id, String broker, String environment, Map<String, String> settings) {
    public BrokerAccount {
        settings = Map.copyOf(settings);
    }

    public boolean isPaper() {
        return !"live".equals(environment);
    }

    /** A plain setting, with {@code ${VAR}} placeholders replaced from the environment. */
    public Optional<String> setting(String key) {
        String value = settings.get(key);
        return value == null ? Optional.empty() : Optional.of(resolve(key, value));
    }

    /** A secret setting; fails with the variable's name (never its value) when it is not set. */
    public String secret(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("account " + id + ": '" + key + "' is missing in accounts.yaml");
        }
        return resolve(key, value);
    }

    /** The value with its placeholders filled; a secret is remembered so that no message shows it. */
    private String resolve(String key, String value) {
        String resolved = Placeholders.resolve(value, "account " + id + "." + key);
        if (SecretValues.isSecretKey(key)) {
            SecretValues.remember(resolved);
        }
        return resolved;
    }
}
