package dev.stratc.brokers.binance.filters;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of {@code GET /api/v3/exchangeInfo} the adapter uses: each symbol's rules and the exchange's
 * rate limits.
 */
public record ExchangeInfo(Map<String, SymbolRules> symbols, RateLimitRules rateLimits) {

    /** {@code REQUEST_WEIGHT} per minute (per IP) and {@code ORDERS} per 10 seconds and per day (per account). */
    public record RateLimitRules(int requestWeightPerMinute, int ordersPer10Seconds, int ordersPerDay) {
        public static final RateLimitRules SPOT_DEFAULTS = new RateLimitRules(6000, 100, 200_000);
    }

    public Optional<SymbolRules> rules(String symbol) {
        return Optional.ofNullable(symbols.get(symbol));
    }

    /** The symbol trading {@code base} against {@code quote}, found by the assets exchangeInfo names. */
    public Optional<SymbolRules> market(String base, String quote) {
        return symbols.values().stream().filter(r -> r.baseAsset().equals(base) && r.quoteAsset().equals(quote)).findFirst();
    }

    public static ExchangeInfo parse(JsonNode root) {
        Map<String, SymbolRules> symbols = new LinkedHashMap<>();
        for (JsonNode s : root.path("symbols")) {
            SymbolRules rules = parseSymbol(s);
            symbols.put(rules.symbol(), rules);
        }
        return new ExchangeInfo(Map.copyOf(symbols), parseRateLimits(root.path("rateLimits")));
    }

    private static SymbolRules parseSymbol(JsonNode s) {
        SymbolRules.PriceFilter price = null;
        SymbolRules.LotSize lot = null;
        SymbolRules.LotSize marketLot = null;
        SymbolRules.NotionalFilter notional = null;
        for (JsonNode f : s.path("filters")) {
            String type = f.path("filterType").asText();
            switch (type) {
                case "PRICE_FILTER" -> price = new SymbolRules.PriceFilter(
                        decimal(f, "minPrice"), decimal(f, "maxPrice"), decimal(f, "tickSize"));
                case "LOT_SIZE" -> lot = lotSize(type, f);
                case "MARKET_LOT_SIZE" -> marketLot = lotSize(type, f);
                case "NOTIONAL" -> notional = new SymbolRules.NotionalFilter(type, decimal(f, "minNotional"),
                        f.path("applyMinToMarket").asBoolean(true), decimal(f, "maxNotional"),
                        f.path("applyMaxToMarket").asBoolean(false));
                case "MIN_NOTIONAL" -> {
                    // NOTIONAL supersedes MIN_NOTIONAL where a symbol lists both
                    if (notional == null) {
                        // USDⓈ-M futures name the minimum "notional"
                        BigDecimal min = f.has("minNotional") ? decimal(f, "minNotional") : decimal(f, "notional");
                        notional = new SymbolRules.NotionalFilter(type, min,
                                f.path("applyToMarket").asBoolean(true), BigDecimal.ZERO, false);
                    }
                }
                default -> {
                    // the exchange enforces the others; they need nothing from us before sending
                }
            }
        }
        Set<String> orderTypes = new HashSet<>();
        s.path("orderTypes").forEach(t -> orderTypes.add(t.asText()));
        return new SymbolRules(s.path("symbol").asText(), s.path("status").asText(), s.path("baseAsset").asText(),
                s.path("quoteAsset").asText(), Set.copyOf(orderTypes),
                s.path("quoteOrderQtyMarketAllowed").asBoolean(false), price, lot, marketLot, notional);
    }

    private static SymbolRules.LotSize lotSize(String type, JsonNode f) {
        return new SymbolRules.LotSize(type, decimal(f, "minQty"), decimal(f, "maxQty"), decimal(f, "stepSize"));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }

    private static RateLimitRules parseRateLimits(JsonNode limits) {
        RateLimitRules defaults = RateLimitRules.SPOT_DEFAULTS;
        int weight = defaults.requestWeightPerMinute();
        int orders10s = defaults.ordersPer10Seconds();
        int ordersDay = defaults.ordersPerDay();
        for (JsonNode l : limits) {
            String type = l.path("rateLimitType").asText();
            String interval = l.path("interval").asText();
            int num = l.path("intervalNum").asInt();
            int limit = l.path("limit").asInt();
            if (type.equals("REQUEST_WEIGHT") && interval.equals("MINUTE") && num == 1) {
                weight = limit;
            } else if (type.equals("ORDERS") && interval.equals("SECOND") && num == 10) {
                orders10s = limit;
            } else if (type.equals("ORDERS") && interval.equals("DAY") && num == 1) {
                ordersDay = limit;
            }
        }
        return new RateLimitRules(weight, orders10s, ordersDay);
    }
}
