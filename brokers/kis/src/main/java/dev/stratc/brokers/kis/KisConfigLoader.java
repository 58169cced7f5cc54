package dev.stratc.brokers.kis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stratc.brokers.kis.auth.TokenCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code config/brokers/kis.yaml}. Secrets are never written in the file: values of the form
 * {@code ${NAME}} are taken from the environment, and a missing variable is an error naming it and the account.
 */
public final class KisConfigLoader {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> environment;

    public KisConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public List<KisAccountConfig> load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new KisException(file + ": cannot read KIS configuration: " + e.getMessage(), e);
        }
        JsonNode kis = root == null ? null : root.get("kis");
        if (kis == null || !kis.path("accounts").isArray()) {
            throw new KisException(file + ": expected a 'kis:' section with an 'accounts:' list");
        }
        Path tokenDir = kis.hasNonNull("token-cache-dir")
                ? Path.of(resolve(file, "kis", "token-cache-dir", kis.get("token-cache-dir").asText()))
                : TokenCache.defaultDirectory();
        List<KisAccountConfig> accounts = new ArrayList<>();
        for (JsonNode account : kis.get("accounts")) {
            accounts.add(account(file, account, tokenDir));
        }
        return accounts;
    }

    private KisAccountConfig account(Path file, JsonNode node, Path tokenDir) {
        String id = node.path("id").asText("");
        if (id.isBlank()) {
            throw new KisException(file + ": every KIS account needs an 'id'");
        }
        String modeText = required(file, id, node, "mode").toUpperCase(Locale.ROOT);
        KisMode mode;
        try {
            mode = KisMode.valueOf(modeText.equals("LIVE") ? "REAL" : modeText);
        } catch (IllegalArgumentException e) {
            throw new KisException(file + ": account " + id + ": mode must be 'real' or 'paper', was '" + modeText
                    + "'");
        }
        try {
            KisEndpoints endpoints = KisEndpoints.defaults(mode).override(optional(file, id, node, "rest-url"),
                    optional(file, id, node, "ws-url"));
            return new KisAccountConfig(id, mode,
                    new KisCredentials(required(file, id, node, "app-key"), required(file, id, node, "app-secret")),
                    KisAccountNumber.parse(required(file, id, node, "account")),
                    optional(file, id, node, "hts-id"), optional(file, id, node, "custtype"), endpoints,
                    node.path("requests-per-second").asDouble(0), tokenDir, node.path("hashkey").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new KisException(file + ": account " + id + ": " + e.getMessage(), e);
        }
    }

    private String required(Path file, String id, JsonNode node, String field) {
        String value = optional(file, id, node, field);
        if (value == null || value.isBlank()) {
            throw new KisException(file + ": account " + id + ": '" + field + "' is missing");
        }
        return value;
    }

    private String optional(Path file, String id, JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : resolve(file, id, field, value.asText());
    }

    private String resolve(Path file, String id, String field, String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            if (value == null || value.isBlank()) {
                throw new KisException(file + ": account " + id + ": '" + field + "' needs the environment variable "
                        + matcher.group(1) + ", which is not set");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
