package dev.stratc.brokers.binance.filters;

import dev.stratc.brokers.binance.order.NewOrder;
import dev.stratc.brokers.binance.order.NewOrder.Side;
import dev.stratc.brokers.binance.order.NewOrder.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * Brings an order onto the symbol's grid and checks it against the filters Binance would apply.
 *
 * <p>Quantities are floored to the step (never more than asked). Limit prices are rounded to the tick on the
 * passive side (a BUY down, a SELL up) so rounding never makes an order pay more than its author allowed;
 * stop prices go to the nearest tick. Everything is {@link BigDecimal}: {@code 0.1 % 0.01} must be exactly 0.
 */
public final class OrderQuantizer {
    /** The filter type of a holding too small to sell. */
    public static final String DUST = "DUST";
    private static final Set<String> SIZE_FILTERS = Set.of("LOT_SIZE", "MARKET_LOT_SIZE", "NOTIONAL", "MIN_NOTIONAL");

    private OrderQuantizer() {
    }

    /**
     * @param referencePrice the price a MARKET order's notional is judged at (last or average price), or
     *                       {@code null} when unknown, which skips that check for MARKET orders
     * @throws FilterViolation when the order cannot satisfy a filter
     */
    public static NewOrder apply(NewOrder order, SymbolRules rules, BigDecimal referencePrice) {
        String what = order.symbol() + " " + order.side() + " " + order.type() + " refused: ";
        if (!rules.isTrading()) {
            throw new FilterViolation("STATUS", what + "the symbol's status is " + rules.status() + ", not TRADING");
        }
        if (!rules.orderTypes().isEmpty() && !rules.orderTypes().contains(order.type().name())) {
            throw new FilterViolation("ORDER_TYPES", what + order.symbol() + " accepts only " + rules.orderTypes());
        }
        BigDecimal price = order.price() == null ? null
                : onTick(order.price(), rules.priceFilter(), order.side() == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING, "price", what);
        BigDecimal stopPrice = order.stopPrice() == null ? null
                : onTick(order.stopPrice(), rules.priceFilter(), RoundingMode.HALF_UP, "stopPrice", what);
        BigDecimal quantity = order.quantity();
        if (quantity != null) {
            quantity = onStep(quantity, rules.lotSize(), what);
            if (order.type() == Type.MARKET) {
                quantity = onStep(quantity, rules.marketLotSize(), what);
            }
        }
        boolean market = order.type() == Type.MARKET;
        if (order.quoteOrderQty() != null) {
            if (!rules.quoteOrderQtyMarketAllowed()) {
                throw new FilterViolation("QUOTE_ORDER_QTY",
                        what + order.symbol() + " does not accept MARKET orders by quoteOrderQty");
            }
            checkNotional(order.quoteOrderQty(), order.quoteOrderQty().toPlainString(), true, rules.notional(), what);
        } else {
            BigDecimal judgedAt = market ? referencePrice : price;
            if (judgedAt != null) {
                BigDecimal notional = judgedAt.multiply(quantity);
                checkNotional(notional, plain(quantity) + " × " + plain(judgedAt) + " = " + plain(notional), market,
                        rules.notional(), what);
            }
        }
        return order.withQuantities(quantity, price, stopPrice);
    }

    /**
     * A SELL sized to what the account holds: never more than {@code free} of the base asset (a buy's fee taken
     * in the base asset leaves 0.00999 of 0.01 bought, and Binance refuses the 0.01 with -2010), floored to the
     * lot step like any order. When the order sells the whole holding and that is below the symbol's minimum
     * (quantity or notional), it is dust: Binance will never trade it, so it is refused here with the numbers.
     *
     * @param free           the base asset's free balance
     * @param referencePrice the price a MARKET order's notional is judged at, or {@code null} when unknown
     * @throws FilterViolation {@code DUST} for a holding too small to sell, or the filter an ordinary order breaks
     */
    public static NewOrder applySell(NewOrder order, SymbolRules rules, BigDecimal free, BigDecimal referencePrice) {
        if (order.side() != Side.SELL || order.quantity() == null) {
            throw new IllegalArgumentException("applySell sizes a SELL by quantity, not " + order);
        }
        boolean wholeHolding = order.quantity().compareTo(free) >= 0;
        NewOrder sized = wholeHolding ? order.withQuantities(free, order.price(), order.stopPrice()) : order;
        try {
            return apply(sized, rules, referencePrice);
        } catch (FilterViolation violation) {
            if (!wholeHolding || !SIZE_FILTERS.contains(violation.filterType())) {
                throw violation;
            }
            SymbolRules.LotSize lot = order.type() == Type.MARKET && rules.marketLotSize() != null
                    && positive(rules.marketLotSize().stepSize()) ? rules.marketLotSize() : rules.lotSize();
            String detail = violation.getMessage().substring(violation.getMessage().indexOf(" refused: ") + 10);
            throw new FilterViolation(DUST, order.symbol() + " " + order.side() + " " + order.type() + " refused: the "
                    + plain(free) + " " + rules.baseAsset() + " held is dust, below what Binance trades ("
                    + detail + (lot == null || violation.filterType().endsWith("LOT_SIZE") ? ""
                            : "; " + lot.filterType() + " step " + plain(lot.stepSize()) + ", minQty " + plain(lot.minQty()))
                    + "); not sent. Binance can convert dust to BNB in its web interface.");
        }
    }

    private static BigDecimal onTick(BigDecimal value, SymbolRules.PriceFilter filter, RoundingMode rounding,
            String name, String what) {
        if (filter == null) {
            return value;
        }
        BigDecimal rounded = roundToMultiple(value, filter.tickSize(), rounding);
        if (positive(filter.minPrice()) && rounded.compareTo(filter.minPrice()) < 0) {
            throw new FilterViolation("PRICE_FILTER", what + "PRICE_FILTER: " + name + " " + plain(value)
                    + " is below minPrice " + plain(filter.minPrice()));
        }
        if (positive(filter.maxPrice()) && rounded.compareTo(filter.maxPrice()) > 0) {
            throw new FilterViolation("PRICE_FILTER", what + "PRICE_FILTER: " + name + " " + plain(value)
                    + " is above maxPrice " + plain(filter.maxPrice()));
        }
        return rounded;
    }

    private static BigDecimal onStep(BigDecimal quantity, SymbolRules.LotSize filter, String what) {
        if (filter == null) {
            return quantity;
        }
        BigDecimal floored = roundToMultiple(quantity, filter.stepSize(), RoundingMode.FLOOR);
        String type = filter.filterType();
        if (floored.signum() == 0 || positive(filter.minQty()) && floored.compareTo(filter.minQty()) < 0) {
            throw new FilterViolation(type, what + type + ": quantity " + plain(quantity)
                    + (floored.compareTo(quantity) != 0 ? " (" + plain(floored) + " on the step " + plain(filter.stepSize()) + ")" : "")
                    + " is below minQty " + plain(filter.minQty()));
        }
        if (positive(filter.maxQty()) && floored.compareTo(filter.maxQty()) > 0) {
            throw new FilterViolation(type, what + type + ": quantity " + plain(floored) + " is above maxQty "
                    + plain(filter.maxQty()) + "; split the order");
        }
        return floored;
    }

    private static void checkNotional(BigDecimal notional, String shown, boolean market,
            SymbolRules.NotionalFilter filter, String what) {
        if (filter == null) {
            return;
        }
        String type = filter.filterType();
        if ((!market || filter.applyMinToMarket()) && positive(filter.minNotional())
                && notional.compareTo(filter.minNotional()) < 0) {
            throw new FilterViolation(type, what + type + ": notional " + shown + " is below minNotional "
                    + plain(filter.minNotional()));
        }
        if ((!market || filter.applyMaxToMarket()) && positive(filter.maxNotional())
                && notional.compareTo(filter.maxNotional()) > 0) {
            throw new FilterViolation(type, what + type + ": notional " + shown + " is above maxNotional "
                    + plain(filter.maxNotional()));
        }
    }

    /** {@code value} on the grid of {@code step} (a zero step means no grid). */
    static BigDecimal roundToMultiple(BigDecimal value, BigDecimal step, RoundingMode rounding) {
        if (!positive(step)) {
            return value;
        }
        return value.divide(step, 0, rounding).multiply(step).stripTrailingZeros();
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
