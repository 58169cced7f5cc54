package dev.stratc.runtime.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.risk.RiskLimits;

/**
 * Reads {@code config/risk.yaml} and {@code config/accounts.yaml}. Every mistake is reported as one message
 * naming the file and line, the key and what to write instead; a key that is not known is refused with the
 * nearest known one (a misspelt limit must never silently not apply); a secret written into the file instead
 * of a {@code ${ENV_VAR}} placeholder is refused (and not repeated in the message).
 */
public final class ConfigFiles {
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
    /** The pool's own keys of an account entry, the same for every broker. */
    private static final Set<String> POOL_KEYS = Set.of("id", "broker", "environment", "max_positions",
            "max_exposure", "max_margin_ratio", "strategies");
    /** Keys every broker's accounts may have: take over what the account already holds at start. */
    private static final Set<String> COMMON_KEYS = Set.of("adopt_holdings");
    /** The built-in simulated exchange's accounts have no settings of their own. */
    private static final String SIMULATED = "sim";

    private ConfigFiles() {
    }

    /** A configuration file is wrong; the message says where and what to do. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }

        public ConfigException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The risk file: the limits and the exchange holidays. */
    /** @param calendarGiven whether the file names a calendar (else a broker run takes its accounts' market's) */
    public record Risk(RiskLimits limits, Set<LocalDate> holidays, boolean calendarGiven) {
    }

    /**
     * The accounts file: its accounts with their pool settings, and where orders go by default.
     *
     * @param unsetVariables one message per {@code ${VAR}} of the file that is not set in the environment
     *                       (file:line, account, key, variable); see {@link #requireEnvironment()}
     */
    public record Accounts(List<Entry> accounts, String defaultAccount, Map<String, String> strategyAccounts,
                           List<String> unsetVariables, ScanUniverse universe) {
        public Accounts(List<Entry> accounts, String defaultAccount, Map<String, String> strategyAccounts,
                        List<String> unsetVariables) {
            this(accounts, defaultAccount, strategyAccounts, unsetVariables, null);
        }

        /**
         * One account: what the adapter gets, and the pool's own settings for it.
         *
         * @param adoptHoldings {@code adopt_holdings: true}: holdings found at the broker that the run did not
         *                      open are handed to the strategy (by default they are held outside it)
         */
        public record Entry(BrokerAccount broker, AccountLimits limits, Set<String> strategies,
                            boolean adoptHoldings) {
        }

        /**
         * Refuses to go on when any placeholder names a variable that is not set, listing all of them at once,
         * before anything connects (and before a live run asks for its confirmation).
         */
        public void requireEnvironment() {
            if (!unsetVariables.isEmpty()) {
                throw new ConfigException(String.join("\n", unsetVariables));
            }
        }
    }

    public static Risk risk(Path path) {
        YamlFile file = YamlFile.read(path);
        JsonNode root = file.root();
        unknownKeys(file, "", root, RISK_KEYS);
        String calendar = root.path("calendar").asText("KRX").toUpperCase(Locale.ROOT);
        if (!Set.of("KRX", "CRYPTO").contains(calendar)) {
            throw new ConfigException(file.at("/calendar") + ": calendar: '" + calendar
                    + "' is not known; write KRX or CRYPTO");
        }
        Set<LocalDate> holidays = new HashSet<>();
        JsonNode days = root.path("holidays");
        for (int i = 0; i < days.size(); i++) {
            try {
                holidays.add(LocalDate.parse(days.get(i).asText()));
            } catch (DateTimeParseException e) {
                throw new ConfigException(file.at("/holidays/" + i) + ": holidays: '" + days.get(i).asText()
                        + "' is not a date (2026-12-25)");
            }
        }
        RiskLimits limits = new RiskLimits(
                number(file, "", "max_position_value", 0), count(file, "", "max_positions_per_account"),
                count(file, "", "max_positions_total"), number(file, "", "max_exposure_per_account", 0),
                number(file, "", "max_exposure_total", 0), count(file, "", "max_trades_per_day"),
                number(file, "", "max_daily_loss", 0), bool(file, "", "flatten_on_kill", false),
                bool(file, "", "allow_reentry", false), number(file, "", "price_band_percent", Double.NaN),
                number(file, "", "max_orders_per_second", 0), calendar,
                number(file, "", "position_size_percent", 10));
        return new Risk(limits, holidays, root.has("calendar"));
    }

    public static Accounts accounts(Path path) {
        YamlFile file = YamlFile.read(path);
        JsonNode root = file.root();
        unknownKeys(file, "", root, Set.of("accounts", "routing", "universe"));
        JsonNode list = root.path("accounts");
        if (!list.isArray() || list.isEmpty()) {
            throw new ConfigException(file.at("/accounts") + ": accounts: list at least one account (id, broker, "
                    + "environment, ...)");
        }
        Map<String, Set<String>> brokerKeys = brokerKeys();
        List<Accounts.Entry> entries = new ArrayList<>();
        List<String> unset = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String pointer = "/accounts/" + i;
            if (!node.isObject()) {
                throw new ConfigException(file.at(pointer) + ": accounts[" + i + "]: expected an account's keys "
                        + "(id, broker, environment, ...)");
            }
            String id = node.path("id").asText("");
            if (!ACCOUNT_ID.matcher(id).matches()) {
                throw new ConfigException(file.at(pointer + "/id") + ": accounts[" + i + "].id: '" + id
                        + "' must be 1–40 letters, digits, '_', '-' or '.'");
            }
            String where = "account " + id;
            if (!ids.add(id)) {
                throw new ConfigException(file.at(pointer + "/id") + ": " + where + ": the id is used twice");
            }
            String broker = node.path("broker").asText("");
            if (broker.isEmpty()) {
                throw new ConfigException(file.at(pointer) + ": " + where + ": broker: missing (" + String.join(", ",
                        brokerKeys.keySet().stream().sorted().toList()) + ")");
            }
            Set<String> settingKeys = brokerKeys.get(broker);
            if (settingKeys == null) {
                // A name one letter off an installed adapter's is a typo. Any other may be an adapter this
                // process does not have; the run refuses it when it would use it, and its keys stay unchecked.
                String near = brokerKeys.keySet().stream()
                        .filter(name -> new LevenshteinDistance(1).apply(name, broker.toLowerCase(Locale.ROOT)) >= 0)
                        .findFirst().orElse(null);
                if (near != null) {
                    throw new ConfigException(file.at(pointer + "/broker") + ": " + where + ".broker: '" + broker
                            + "' is not known (did you mean '" + near + "'?); installed: "
                            + brokerKeys.keySet().stream().sorted().toList());
                }
                settingKeys = BrokerFactory.ANY_KEY;
            }
            if (!settingKeys.contains("*")) {
                Set<String> known = new HashSet<>(POOL_KEYS);
                known.addAll(COMMON_KEYS);
                known.addAll(settingKeys);
                unknownKeys(file, pointer, node, known, where + " (broker " + broker + ")");
            }
            String environment = node.path("environment").asText("paper").toLowerCase(Locale.ROOT);
            if (!Set.of("paper", "live").contains(environment)) {
                throw new ConfigException(file.at(pointer + "/environment") + ": " + where + ".environment: '"
                        + environment + "'; write paper or live");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                if (POOL_KEYS.contains(key)) {
                    continue;
                }
                String at = file.at(pointer + "/" + key) + ": " + where + "." + key;
                String value;
                if (field.getValue().isArray() && !field.getValue().isEmpty()
                        && java.util.stream.StreamSupport.stream(field.getValue().spliterator(), false)
                        .allMatch(JsonNode::isValueNode)) {
                    // a list of plain values (markets: [spot, usdm]) reaches the adapter as "spot,usdm"
                    List<String> items = new ArrayList<>();
                    field.getValue().forEach(item -> items.add(item.asText()));
                    value = String.join(",", items);
                } else if (!field.getValue().isValueNode()) {
                    throw new ConfigException(at + ": expected a single value or a list of values");
                } else {
                    value = field.getValue().asText();
                }
                if (SECRET_KEY.matcher(key).matches() && !Placeholders.isPlaceholder(value)) {
                    throw new ConfigException(at + ": write an environment variable "
                            + "placeholder such as ${" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_"
                            + key.toUpperCase(Locale.ROOT) + "}, never the secret itself (and remove it "
                            + "from the file's history if it was committed)");
                }
                checkCommonSetting(at, key, field.getValue());
                for (String variable : Placeholders.unset(value)) {
                    unset.add(at + ": environment variable " + variable + " is not set; export it before starting "
                            + "stratc");
                }
                if (!COMMON_KEYS.contains(key)) {
                    // the pool's own settings are not the adapter's
                    settings.put(key, value);
                }
            }
            // checked with its line above, like every setting the pool reads itself
            JsonNode adopt = node.path("adopt_holdings");
            Set<String> strategies = new HashSet<>();
            node.path("strategies").forEach(s -> strategies.add(s.asText()));
            entries.add(new Accounts.Entry(new BrokerAccount(id, broker, environment, settings),
                    new AccountLimits(count(file, pointer, "max_positions"), number(file, pointer, "max_exposure", 0),
                            ratio(file, pointer, "max_margin_ratio")),
                    Set.copyOf(strategies), adopt.asBoolean(false)));
        }
        JsonNode routing = root.path("routing");
        unknownKeys(file, "/routing", routing, Set.of("default", "strategies"), "routing");
        String defaultAccount = routing.path("default").asText("best");
        if (!"best".equals(defaultAccount) && !ids.contains(defaultAccount)) {
            throw new ConfigException(file.at("/routing/default") + ": routing.default: '" + defaultAccount
                    + "' is no account here " + ids.stream().sorted().toList() + didYouMean(defaultAccount, ids)
                    + "; write one of them or best");
        }
        Map<String, String> byStrategy = new LinkedHashMap<>();
        for (Accounts.Entry entry : entries) {
            entry.strategies().forEach(s -> byStrategy.put(s, entry.broker().id()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = routing.path("strategies").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!ids.contains(field.getValue().asText())) {
                throw new ConfigException(file.at("/routing/strategies/" + field.getKey()) + ": routing.strategies."
                        + field.getKey() + ": '" + field.getValue().asText() + "' is no account here "
                        + ids.stream().sorted().toList() + didYouMean(field.getValue().asText(), ids));
            }
            byStrategy.put(field.getKey(), field.getValue().asText());
        }
        return new Accounts(List.copyOf(entries), "best".equals(defaultAccount) ? null : defaultAccount, byStrategy,
                List.copyOf(unset), universe(file, root, entries));
    }

    /** {@code universe: kiwoom_condition("name")}: its account must be in the file and of that broker. */
    private static ScanUniverse universe(YamlFile file, JsonNode root, List<Accounts.Entry> entries) {
        JsonNode node = root.get("universe");
        if (node == null || node.isNull()) {
            return null;
        }
        String where = file.at("/universe");
        if (!node.isTextual()) {
            throw new ConfigException(where + ": universe: write kiwoom_condition(\"name\")");
        }
        ScanUniverse universe = ScanUniverse.parse(node.asText(), where);
        List<String> ofBroker = entries.stream().filter(e -> e.broker().broker().equals(universe.broker()))
                .map(e -> e.broker().id()).toList();
        if (universe.account() != null ? !ofBroker.contains(universe.account()) : ofBroker.isEmpty()) {
            throw new ConfigException(where + ": universe: " + universe.text() + " needs "
                    + (universe.account() != null ? "account " + universe.account() + " to be" : "an account of")
                    + " broker " + universe.broker() + " in this file; its " + universe.broker() + " accounts: "
                    + ofBroker);
        }
        return universe;
    }

    /**
     * Refuses every key of a configuration file that {@code schema} does not know, at its line and with the
     * nearest known key, for the files an adapter reads itself ({@code config/brokers/kis.yaml}).
     *
     * @param schema the known keys of each mapping, by JSON pointer; {@code *} stands for any list index:
     *               {@code "" → [kis]}, {@code "/kis" → [accounts]}, {@code "/kis/accounts/*" → [id, app_key, ...]}.
     *               Mappings the schema does not name are not checked.
     */
    public static void requireKnownKeys(Path path, Map<String, Set<String>> schema) {
        YamlFile file = YamlFile.read(path);
        checkKeys(file, "", "", file.root(), schema);
    }

    private static void checkKeys(YamlFile file, String pointer, String pattern, JsonNode node,
                                  Map<String, Set<String>> schema) {
        if (node.isObject()) {
            Set<String> known = schema.get(pattern);
            if (known != null) {
                unknownKeys(file, pointer, node, known, pattern.isEmpty() ? "" : pattern.substring(1)
                        .replace("/*", "[]").replace('/', '.'));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                checkKeys(file, pointer + "/" + field.getKey(), pattern + "/" + field.getKey(), field.getValue(),
                        schema);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkKeys(file, pointer + "/" + i, pattern + "/*", node.get(i), schema);
            }
        }
    }

    /** The keys each installed adapter's accounts may have; the simulated exchange's have none of their own. */
    private static Map<String, Set<String>> brokerKeys() {
        Map<String, Set<String>> keys = new HashMap<>();
        keys.put(SIMULATED, Set.of());
        ServiceLoader.load(BrokerFactory.class).forEach(factory -> keys.put(factory.name(), factory.settingKeys()));
        return keys;
    }

    /** The settings the pool reads itself, whatever the broker, checked here so they fail with their line. */
    private static void checkCommonSetting(String at, String key, JsonNode value) {
        if (Placeholders.isPlaceholder(value.asText())) {
            return;
        }
        switch (key) {
            case "adopt_holdings" -> {
                if (!value.isBoolean()) {
                    throw new ConfigException(at + ": expected true or false, found '" + value.asText() + "'");
                }
            }
            case "requests_per_second" -> {
                if (!value.isNumber() || !(value.asDouble() > 0) || value.asDouble() > 1_000) {
                    throw new ConfigException(at + ": expected a number more than 0 and at most 1000, found '"
                            + value.asText() + "'");
                }
            }
            default -> {
                // the adapter reads and checks its own settings
            }
        }
    }

    private static void unknownKeys(YamlFile file, String pointer, JsonNode node, Set<String> known) {
        unknownKeys(file, pointer, node, known, "");
    }

    /**
     * Refuses the first key of {@code node} that is not {@code known}, at its line, with the nearest known one.
     *
     * @param context what the keys belong to ({@code account KIS_001 (broker kis)}), or empty for the top level
     */
    private static void unknownKeys(YamlFile file, String pointer, JsonNode node, Set<String> known,
                                    String context) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new ConfigException(file.at(pointer + "/" + key) + ": " + (context.isEmpty() ? "" : context
                        + ": ") + "unknown key '" + key + "'" + didYouMean(key, known) + "; known: "
                        + known.stream().sorted().toList());
            }
        }
    }

    /** {@code " (did you mean max_daily_loss?)"} for a key within a few edits of a known one, else nothing. */
    static String didYouMean(String key, Set<String> known) {
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, key.length() / 3));
        return known.stream()
                .filter(k -> distance.apply(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)) >= 0)
                .min(Comparator.comparingInt((String k) -> distance.apply(key.toLowerCase(Locale.ROOT),
                        k.toLowerCase(Locale.ROOT))).thenComparing(Comparator.naturalOrder()))
                .or(() -> known.stream().filter(k -> k.length() > 3 && key.length() > 3
                        && (k.contains(key) || key.contains(k))).sorted().findFirst())
                .map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static double number(YamlFile file, String pointer, String key, double otherwise) {
        JsonNode value = file.root().at(pointer).get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        String at = file.at(pointer + "/" + key) + ": " + key;
        if (value.isNumber()) {
            double number = value.asDouble();
            if (number < 0 || !Double.isFinite(number)) {
                throw new ConfigException(at + ": must be a number of at least 0 (" + value.asText() + ")");
            }
            return number;
        }
        throw new ConfigException(at + ": expected a number, found '" + value.asText() + "'");
    }

    /** A ratio written as a percent ({@code 50%}) or a fraction ({@code 0.5}), above 0 and at most 1; 0 when absent. */
    private static double ratio(YamlFile file, String pointer, String key) {
        JsonNode value = file.root().at(pointer).get(key);
        if (value == null || value.isNull()) {
            return 0;
        }
        String text = value.asText().trim();
        String at = file.at(pointer + "/" + key) + ": " + key;
        try {
            double ratio = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
                    : Double.parseDouble(text);
            if (ratio > 0 && ratio <= 1) {
                return ratio;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigException(at + ": expected a percent above 0 and at most 100% (such as 50%) or a fraction"
                + " such as 0.5, found '" + text + "'");
    }

    /** A count such as a number of positions: a whole number of at least 0. */
    private static int count(YamlFile file, String pointer, String key) {
        double value = number(file, pointer, key, 0);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new ConfigException(file.at(pointer + "/" + key) + ": " + key + ": expected a whole number, found "
                    + file.root().at(pointer).get(key).asText());
        }
        return (int) value;
    }

    private static boolean bool(YamlFile file, String pointer, String key, boolean otherwise) {
        JsonNode value = file.root().at(pointer).get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new ConfigException(file.at(pointer + "/" + key) + ": " + key + ": expected true or false, found '"
                    + value.asText() + "'");
        }
        return value.asBoolean();
    }
}
