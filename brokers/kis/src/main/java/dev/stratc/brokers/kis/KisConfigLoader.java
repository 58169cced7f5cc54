package dev.stratc.brokers.kis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stratc.brokers.kis.auth.TokenCache;
import dev.stratc.runtime.broker.BrokerAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code config/brokers/kis.yaml}: a {@code kis.accounts} list whose entries use the keys of
 * {@link KisSettings}, plus {@code id} and {@code environment}. Placeholders are resolved from the environment by
 * the runtime's {@code Placeholders}, so a missing variable names itself and the account.
 */
public final class KisConfigLoader {

    private KisConfigLoader() {
    }

    public static List<KisAccountConfig> load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new KisException(file + ": cannot read KIS configuration: " + e.getMessage(), e);
        }
        JsonNode accounts = root == null ? null : root.path("kis").get("accounts");
        if (accounts == null || !accounts.isArray()) {
            throw new KisException(file + ": expected a 'kis:' section with an 'accounts:' list");
        }
        List<KisAccountConfig> configs = new ArrayList<>();
        for (JsonNode entry : accounts) {
            String id = entry.path("id").asText("");
            if (id.isBlank()) {
                throw new KisException(file + ": every KIS account needs an 'id'");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            entry.properties().forEach(field -> settings.put(field.getKey(), field.getValue().asText()));
            BrokerAccount account = new BrokerAccount(id, "kis", entry.path("environment").asText(""), settings);
            try {
                configs.add(KisSettings.toConfig(account, TokenCache.defaultDirectory()));
            } catch (KisException e) {
                throw new KisException(file + ": " + e.getMessage(), e);
            }
        }
        return configs;
    }
}
