package dev.stratc.brokers.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stratc.runtime.broker.BrokerAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code config/brokers/kiwoom.yaml}: a {@code kiwoom.accounts} list whose entries use the keys of
 * {@link KiwoomSettings} plus {@code id} and {@code environment}; placeholders are read from the environment.
 */
public final class KiwoomConfigLoader {
    private KiwoomConfigLoader() {
    }

    public static List<KiwoomConfig> load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new KiwoomException(file + ": cannot read the Kiwoom configuration: " + e.getMessage(), e);
        }
        JsonNode accounts = root == null ? null : root.path("kiwoom").get("accounts");
        if (accounts == null || !accounts.isArray() || accounts.isEmpty()) {
            throw new KiwoomException(file + ": expected a 'kiwoom:' section with an 'accounts:' list");
        }
        List<KiwoomConfig> configs = new ArrayList<>();
        for (JsonNode entry : accounts) {
            String id = entry.path("id").asText("");
            if (id.isBlank()) {
                throw new KiwoomException(file + ": every Kiwoom account needs an 'id'");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            entry.properties().forEach(f -> {
                if (!f.getKey().equals("id") && !f.getKey().equals("environment")) {
                    settings.put(f.getKey(), f.getValue().asText());
                }
            });
            BrokerAccount account = new BrokerAccount(id, "kiwoom", entry.path("environment").asText("paper"),
                    settings);
            try {
                configs.add(KiwoomSettings.toConfig(account, KiwoomTokens.defaultDirectory()));
            } catch (KiwoomException | IllegalArgumentException e) {
                throw new KiwoomException(file + ": " + e.getMessage(), e);
            }
        }
        return configs;
    }
}
