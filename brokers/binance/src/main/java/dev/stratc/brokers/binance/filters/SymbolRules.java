package dev.stratc.brokers.binance.filters;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What {@code exchangeInfo} says about one symbol. A filter the exchange does not list is {@code null};
 * inside a filter, a zero value means the exchange does not enforce that bound.
 */
public record SymbolRules(
        String symbol,
        String status,
        String baseAsset,
        String quoteAsset,
        Set<String> orderTypes,
        boolean quoteOrderQtyMarketAllowed,
        PriceFilter priceFilter,
        LotSize lotSize,
        LotSize marketLotSize,
        NotionalFilter notional) {

    /** PRICE_FILTER: also applies to stop prices. */
    public record PriceFilter(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal tickSize) {
    }

    /** LOT_SIZE or MARKET_LOT_SIZE. */
    public record LotSize(String filterType, BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize) {
    }

    /**
     * NOTIONAL, or the older MIN_NOTIONAL (then {@code maxNotional} is zero and {@code applyMaxToMarket} false).
     */
    public record NotionalFilter(
            String filterType,
            BigDecimal minNotional,
            boolean applyMinToMarket,
            BigDecimal maxNotional,
            boolean applyMaxToMarket) {
    }

    public boolean isTrading() {
        return "TRADING".equals(status);
    }
}
