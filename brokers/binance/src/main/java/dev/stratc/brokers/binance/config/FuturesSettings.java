package dev.stratc.brokers.binance.config;

import dev.stratc.runtime.broker.BrokerAccount;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code config/accounts.yaml} says about an account's USDⓈ-M futures:
 * <pre>
 * - id: bn-sub-futures
 *   broker: binance
 *   markets: usdm              # or [usdm], or the seed's futures_enabled: true (spot_enabled: false); spot is the default
 *   leverage: 3                # set on each symbol before its first order (1..125, within the symbol's bracket)
 *   margin: isolated           # or cross; set before the first order too
 *   max_leverage: 10           # risk limit: leverage above it is refused at start
 *   position_mode: one_way     # or hedge (LONG and SHORT positions side by side)
 *   futures_rest_url / futures_stream_url   # override the futures addresses (a mock, the demo host)
 * </pre>
 * One account entry trades one market through stratc: the same keys may be given to two entries (one spot,
 * one usdm) when an account trades both.
 *
 * @param leverage 0 when the account leaves each symbol's leverage as it is at Binance
 * @param margin   {@code ISOLATED} or {@code CROSSED}; null to leave it as it is
 */
public record FuturesSettings(int leverage, String margin, boolean hedge) {

    public static final FuturesSettings DEFAULTS = new FuturesSettings(0, null, false);

    /** The futures settings when the account trades USDⓈ-M, empty when it trades spot. */
    public static Optional<FuturesSettings> from(BrokerAccount account) {
        Set<String> markets = markets(account);
        if (!markets.contains("usdm")) {
            for (String key : new String[] {"leverage", "margin", "position_mode", "max_leverage"}) {
                if (account.setting(key).isPresent()) {
                    throw new IllegalArgumentException("account " + account.id() + ": " + key + " is a futures setting,"
                            + " but the account trades spot; add markets: usdm (or futures_enabled: true)");
                }
            }
            return Optional.empty();
        }
        int leverage = account.setting("leverage").map(v -> leverage(account.id(), v)).orElse(0);
        // the seed's risk limit: no symbol of this account is set above it
        int maxLeverage = account.setting("max_leverage").map(v -> leverage(account.id(), v)).orElse(0);
        if (maxLeverage > 0 && leverage > maxLeverage) {
            throw new IllegalArgumentException("account " + account.id() + ": leverage " + leverage
                    + " is above the account's max_leverage " + maxLeverage + "; lower leverage or raise max_leverage");
        }
        String margin = account.setting("margin").map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "isolated" -> "ISOLATED";
            case "cross", "crossed" -> "CROSSED";
            default -> throw new IllegalArgumentException("account " + account.id() + ": margin: '" + v
                    + "'; write isolated or cross");
        }).orElse(null);
        boolean hedge = account.setting("position_mode").map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "hedge" -> true;
            case "one_way", "one-way", "oneway" -> false;
            default -> throw new IllegalArgumentException("account " + account.id() + ": position_mode: '" + v
                    + "'; write one_way or hedge");
        }).orElse(false);
        return Optional.of(new FuturesSettings(leverage, margin, hedge));
    }

    /** {@code markets: usdm}, {@code markets: [spot, usdm]} (passed on as "spot,usdm") or {@code futures_enabled}. */
    static Set<String> markets(BrokerAccount account) {
        Set<String> markets = new LinkedHashSet<>();
        Optional<String> written = account.setting("markets");
        if (written.isPresent()) {
            for (String m : written.get().replaceAll("[\\[\\]\\s]", "").toLowerCase(Locale.ROOT).split(",")) {
                if (m.isEmpty()) {
                    continue;
                }
                if (!m.equals("spot") && !m.equals("usdm")) {
                    throw new IllegalArgumentException("account " + account.id() + ": markets: '" + m
                            + "' is not a market stratc trades at Binance; write spot or usdm");
                }
                markets.add(m);
            }
        }
        Optional<String> futuresEnabled = account.setting("futures_enabled");
        if (futuresEnabled.isPresent()) {
            String v = futuresEnabled.get().trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("account " + account.id() + ": futures_enabled: '"
                        + futuresEnabled.get() + "'; write true or false");
            }
            if (v.equals("true")) {
                markets.add("usdm");
            } else if (markets.contains("usdm")) {
                throw new IllegalArgumentException("account " + account.id()
                        + ": markets lists usdm but futures_enabled is false; keep one of them");
            }
        }
        Optional<String> spotEnabled = account.setting("spot_enabled");
        if (spotEnabled.isPresent()) {
            String v = spotEnabled.get().trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("account " + account.id() + ": spot_enabled: '" + spotEnabled.get()
                        + "'; write true or false");
            }
            if (v.equals("true")) {
                markets.add("spot");
            } else if (markets.contains("spot")) {
                throw new IllegalArgumentException("account " + account.id()
                        + ": markets lists spot but spot_enabled is false; keep one of them");
            } else if (markets.isEmpty()) {
                throw new IllegalArgumentException("account " + account.id() + ": spot_enabled is false and no other"
                        + " market is enabled; add futures_enabled: true (or markets: usdm), or remove the account");
            }
        }
        if (markets.size() > 1) {
            throw new IllegalArgumentException(bothMarkets(account.id()));
        }
        return markets;
    }

    /**
     * Spot and USDⓈ-M list the same symbol names (BTCUSDT is a coin on one and a perpetual on the other), so an
     * order says which market it is for by the account it is routed to: one entry per market, the same keys.
     */
    static String bothMarkets(String id) {
        return "account " + id + ": trades spot and usdm; a strategy's BTCUSDT is a coin on spot and a perpetual on"
                + " usdm, so each market is an account entry of its own, with the same keys: keep this entry with"
                + " markets: spot and add\n"
                + "  - id: " + id + "-usdm\n"
                + "    broker: binance\n"
                + "    markets: usdm\n"
                + "    (the same api_key, api_secret or private_key_file, environment and sub_account_of)\n"
                + "then route the futures strategy to it (routing.strategies.<name>: " + id + "-usdm); the two"
                + " entries keep separate order counts and weight budgets, as Binance does";
    }

    private static int leverage(String account, String value) {
        try {
            int leverage = Integer.parseInt(value.trim());
            if (leverage < 1 || leverage > 125) {
                throw new NumberFormatException();
            }
            return leverage;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("account " + account + ": leverage must be a whole number 1..125"
                    + " (Binance's widest bracket; many symbols allow less), is " + value);
        }
    }
}
