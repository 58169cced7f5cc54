package dev.stratc.runtime.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.risk.RiskLimits;

/**
 * Reads {@code config/risk.yaml} and {@code config/accounts.yaml}. Every mistake is reported as one message
 * naming the file, the key and what to write instead; a secret written into the file instead of a
 * {@code ${ENV_VAR}} placeholder is refused (and not repeated in the message).
 */
public final class ConfigFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    /**
     * Settings that hold secrets: the last word names one ({@code app_key}, {@code api_secret}, {@code bot_token}),
     * or its file ({@code private_key_file}), or the account number. Settings about them ({@code token_cache_dir},
     * {@code hashkey: true}) are not secrets.
     */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(.+_)?(key|secret|token|password|passphrase)(_file)?|account_number");
    private static final Set<String> RISK_KEYS = Set.of("calendar", "holidays", "max_position_value",
            "max_positions_per_account", "max_positions_total", "max_exposure_per_account", "max_exposure_total",
            "max_trades_per_day", "max_daily_loss", "flatten_on_kill", "allow_reentry", "price_band_percent",
            "max_orders_per_second", "position_size_percent");
    private static final Set<String> POOL_KEYS = Set.of("id", "broker", "environment", "max_positions",
            "max_exposure", "strategies");

    private ConfigFiles() {
    }

    /** A configuration file is wrong; the message says where and what to do. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }

    /** The risk file: the limits and the exchange holidays. */
    public record Risk(RiskLimits limits, Set<LocalDate> holidays) {
    }

    /** The accounts file: its accounts with their pool settings, and where orders go by default. */
    public record Accounts(List<Entry> accounts, String defaultAccount, Map<String, String> strategyAccounts) {
        /** One account: what the adapter gets, and the pool's own settings for it. */
        public record Entry(BrokerAccount broker, AccountLimits limits, Set<String> strategies) {
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new ConfigException(file + ": expected a YAML mapping of keys to values");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    public static Risk risk(Path file) {
        JsonNode root = read(file);
        unknownKeys(file, "", root, RISK_KEYS);
        String calendar = root.path("calendar").asText("KRX").toUpperCase(Locale.ROOT);
        if (!Set.of("KRX", "CRYPTO").contains(calendar)) {
            throw new ConfigException(file + ": calendar: '" + calendar + "' is not known; write KRX or CRYPTO");
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (JsonNode day : root.path("holidays")) {
            try {
                holidays.add(LocalDate.parse(day.asText()));
            } catch (DateTimeParseException e) {
                throw new ConfigException(file + ": holidays: '" + day.asText() + "' is not a date (2026-12-25)");
            }
        }
        RiskLimits limits = new RiskLimits(
                number(file, root, "max_position_value", 0), (int) number(file, root, "max_positions_per_account", 0),
                (int) number(file, root, "max_positions_total", 0), number(file, root, "max_exposure_per_account", 0),
                number(file, root, "max_exposure_total", 0), (int) number(file, root, "max_trades_per_day", 0),
                number(file, root, "max_daily_loss", 0), bool(file, root, "flatten_on_kill", false),
                bool(file, root, "allow_reentry", false), number(file, root, "price_band_percent", Double.NaN),
                number(file, root, "max_orders_per_second", 0), calendar,
                number(file, root, "position_size_percent", 10));
        return new Risk(limits, holidays);
    }

    public static Accounts accounts(Path file) {
        JsonNode root = read(file);
        unknownKeys(file, "", root, Set.of("accounts", "routing"));
        JsonNode list = root.path("accounts");
        if (!list.isArray() || list.isEmpty()) {
            throw new ConfigException(file + ": accounts: list at least one account (id, broker, environment, ...)");
        }
        List<Accounts.Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = file + ": accounts[" + i + "]";
            String id = node.path("id").asText("");
            if (!ACCOUNT_ID.matcher(id).matches()) {
                throw new ConfigException(where + ".id: '" + id + "' must be 1–40 letters, digits, '_', '-' or '.'");
            }
            where = file + ": account " + id;
            if (!ids.add(id)) {
                throw new ConfigException(where + ": the id is used twice");
            }
            String broker = node.path("broker").asText("");
            if (broker.isEmpty()) {
                throw new ConfigException(where + ": broker: missing (kis, binance or sim)");
            }
            String environment = node.path("environment").asText("paper").toLowerCase(Locale.ROOT);
            if (!Set.of("paper", "live").contains(environment)) {
                throw new ConfigException(where + ".environment: '" + environment + "'; write paper or live");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (POOL_KEYS.contains(field.getKey())) {
                    continue;
                }
                if (!field.getValue().isValueNode()) {
                    throw new ConfigException(where + "." + field.getKey() + ": expected a single value");
                }
                String value = field.getValue().asText();
                if (SECRET_KEY.matcher(field.getKey()).matches() && !Placeholders.isPlaceholder(value)) {
                    throw new ConfigException(where + "." + field.getKey() + ": write an environment variable "
                            + "placeholder such as ${" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_"
                            + field.getKey().toUpperCase(Locale.ROOT) + "}, never the secret itself (and remove it "
                            + "from the file's history if it was committed)");
                }
                settings.put(field.getKey(), value);
            }
            Set<String> strategies = new HashSet<>();
            node.path("strategies").forEach(s -> strategies.add(s.asText()));
            entries.add(new Accounts.Entry(new BrokerAccount(id, broker, environment, settings),
                    new AccountLimits((int) number(file, node, "max_positions", 0), number(file, node, "max_exposure", 0)),
                    Set.copyOf(strategies)));
        }
        JsonNode routing = root.path("routing");
        unknownKeys(file, "routing.", routing, Set.of("default", "strategies"));
        String defaultAccount = routing.path("default").asText("best");
        if (!"best".equals(defaultAccount) && !ids.contains(defaultAccount)) {
            throw new ConfigException(file + ": routing.default: '" + defaultAccount + "' is no account here " + ids
                    + "; write one of them or best");
        }
        Map<String, String> byStrategy = new LinkedHashMap<>();
        for (Accounts.Entry entry : entries) {
            entry.strategies().forEach(s -> byStrategy.put(s, entry.broker().id()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = routing.path("strategies").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!ids.contains(field.getValue().asText())) {
                throw new ConfigException(file + ": routing.strategies." + field.getKey() + ": '"
                        + field.getValue().asText() + "' is no account here " + ids);
            }
            byStrategy.put(field.getKey(), field.getValue().asText());
        }
        return new Accounts(List.copyOf(entries), "best".equals(defaultAccount) ? null : defaultAccount, byStrategy);
    }

    private static void unknownKeys(Path file, String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                String near = known.stream().filter(k -> k.contains(key) || key.contains(k)
                        || k.regionMatches(0, key, 0, Math.min(5, Math.min(k.length(), key.length())))).findFirst()
                        .map(k -> " (did you mean " + prefix + k + "?)").orElse("");
                throw new ConfigException(file + ": unknown key '" + prefix + key + "'" + near + "; known: "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static double number(Path file, JsonNode node, String key, double otherwise) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            if (number < 0) {
                throw new ConfigException(file + ": " + key + ": must not be negative (" + number + ")");
            }
            return number;
        }
        throw new ConfigException(file + ": " + key + ": expected a number, found '" + value.asText() + "'");
    }

    private static boolean bool(Path file, JsonNode node, String key, boolean otherwise) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new ConfigException(file + ": " + key + ": expected true or false, found '" + value.asText() + "'");
        }
        return value.asBoolean();
    }
}
