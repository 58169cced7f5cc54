package dev.stratc.runtime.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.Funding;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.broker.TimeInForce;

/**
 * One account's orders, holdings and cash at the simulated venue. Guarded by the exchange's lock.
 *
 * <p>What working buys reserve is kept per symbol and summed as it changes (an order taken, filled, cancelled
 * or amended, a new last price of a symbol with a working market buy: {@link #repriced}), so that checking an
 * order's funds costs O(1) in the number of working orders, not a walk over all of them at every submit.
 */
final class SimAccount {
    private final String id;
    private final SimConfig config;
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    /** Working orders by symbol, oldest first: what a trade matches and what reserves cash or holdings. */
    private final Map<String, Map<String, SimOrder>> working = new HashMap<>();
    private final Map<String, double[]> positions = new TreeMap<>();
    /** Each symbol's reservation by its working buys (only symbols that have one), as last computed. */
    private final Map<String, Double> reservedBySymbol = new HashMap<>();
    /** Σ {@link #reservedBySymbol}. */
    private double reserved;
    /** The venue's last price of a symbol (NaN when none), at which a working market buy reserves. */
    private final ToDoubleFunction<String> lastPrices;
    private final List<Funding> funding = new ArrayList<>();
    private double cash;
    private long orderCounter;

    SimAccount(String id, SimConfig config, ToDoubleFunction<String> lastPrices) {
        this.id = id;
        this.config = config;
        this.lastPrices = lastPrices;
        this.cash = config.initialCash();
    }

    String id() {
        return id;
    }

    SimOrder order(String clientOrderId) {
        return orders.get(clientOrderId);
    }

    List<SimOrder> orders() {
        return List.copyOf(orders.values());
    }

    List<SimOrder> workingOrders(String symbol) {
        Map<String, SimOrder> bySymbol = working.get(symbol);
        return bySymbol == null || bySymbol.isEmpty() ? List.of() : List.copyOf(bySymbol.values());
    }

    /** Drops an order that stopped working from the index. */
    void settled(SimOrder order) {
        if (!order.status().isWorking()) {
            Map<String, SimOrder> bySymbol = working.get(order.symbol());
            if (bySymbol != null) {
                bySymbol.remove(order.clientOrderId());
            }
        }
    }

    /** Why the venue refuses {@code order}, or {@code null} when it takes it. */
    String refusal(SubmitOrder order, ToDoubleFunction<String> lastPrices, RejectReason[] reason) {
        double lastPrice = lastPrices.applyAsDouble(order.symbol());
        if (orders.containsKey(order.clientOrderId())) {
            reason[0] = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            return "client order id " + order.clientOrderId() + " is already in use";
        }
        double price = order.type() == OrderType.LIMIT ? order.limitPrice() : lastPrice;
        double needed = Double.isNaN(price) ? 0
                : order.quantity() * price + config.costs().fees(order.quantity() * price, false,
                        order.type() == OrderType.LIMIT);
        if (order.side() == Side.BUY && needed > freeCash() + 1e-9) {
            reason[0] = RejectReason.INSUFFICIENT_FUNDS;
            return String.format("buying %s %s at %s needs %.2f %s with fees; %.2f is free", order.quantity(),
                    order.symbol(), price, needed, config.currency(), freeCash());
        }
        if (order.side() == Side.SELL && !config.allowShort() && order.quantity() > sellable(order.symbol()) + 1e-12) {
            reason[0] = RejectReason.INSUFFICIENT_POSITION;
            return "selling " + order.quantity() + " " + order.symbol() + " but only " + sellable(order.symbol())
                    + " is held and not already offered";
        }
        return null;
    }

    /** Cash less what working buys reserve (market orders at their symbol's last price). */
    double freeCash() {
        return cash - reserved;
    }

    /** The same as {@link #freeCash}, recomputed from every working order (the cross-check of the running sum). */
    double freeCashRecomputed() {
        double total = 0;
        for (String symbol : working.keySet()) {
            total += reservation(symbol);
        }
        return cash - total;
    }

    /** What the working buys of one symbol reserve now. */
    private double reservation(String symbol) {
        Map<String, SimOrder> bySymbol = working.get(symbol);
        if (bySymbol == null || bySymbol.isEmpty()) {
            return 0;
        }
        double total = 0;
        for (SimOrder o : bySymbol.values()) {
            if (o.side() != Side.BUY) {
                continue;
            }
            double price = o.type() == OrderType.LIMIT ? o.limitPrice() : lastPrices.applyAsDouble(o.symbol());
            total += Double.isNaN(price) ? 0 : o.remaining() * price;
        }
        return total;
    }

    /** Recomputes one symbol's reservation after its orders changed and adds the difference to the total. */
    private void rereserve(String symbol) {
        double now = reservation(symbol);
        Double before = now == 0 ? reservedBySymbol.remove(symbol) : reservedBySymbol.put(symbol, now);
        reserved += now - (before == null ? 0 : before);
        if (reservedBySymbol.isEmpty()) {
            reserved = 0;   // exact when nothing is reserved: no rounding carried over
        }
    }

    /** The venue has a new last price of {@code symbol}: a working market buy of it reserves at that price. */
    void repriced(String symbol) {
        if (reservedBySymbol.containsKey(symbol) || working.containsKey(symbol) && !working.get(symbol).isEmpty()) {
            rereserve(symbol);
        }
    }

    private double sellable(String symbol) {
        double offered = 0;
        for (SimOrder o : workingOrders(symbol)) {
            if (o.side() == Side.SELL) {
                offered += o.remaining();
            }
        }
        return position(symbol)[0] - offered;
    }

    SimOrder accept(SubmitOrder order, double lastPrice) {
        boolean marketable = order.type() == OrderType.LIMIT
                && (Double.isNaN(lastPrice) || SimOrder.crosses(order.side(), order.limitPrice(), lastPrice));
        return accept(order, marketable);
    }

    private SimOrder accept(SubmitOrder order, boolean marketable) {
        SimOrder simOrder = new SimOrder(order.clientOrderId(), id + "-" + (++orderCounter), order.symbol(),
                order.side(), order.type(), order.quantity(), order.limitPrice(), marketable);
        orders.put(order.clientOrderId(), simOrder);
        working.computeIfAbsent(order.symbol(), k -> new LinkedHashMap<>()).put(order.clientOrderId(), simOrder);
        rereserve(order.symbol());
        return simOrder;
    }

    void restoreOrder(ObjectNode record) {
        accept(new SubmitOrder(record.path("id").asText(), record.path("symbol").asText(),
                Side.valueOf(record.path("side").asText()), OrderType.valueOf(record.path("orderType").asText()),
                record.path("quantity").asDouble(), record.path("limit").asDouble(Double.NaN),
                TimeInForce.valueOf(record.path("tif").asText())), record.path("marketable").asBoolean());
    }

    /** A holding the account had before any order (a crypto account's coins, shares bought elsewhere). */
    void hold(String symbol, double quantity, double averagePrice) {
        double[] position = position(symbol);
        position[0] += quantity;
        position[1] = averagePrice;
    }

    /**
     * Applies a fill. A commission in {@code commissionAsset} (the symbol's base asset) comes out of the
     * quantity the account ends up with, as on a crypto exchange; without one it comes out of cash.
     */
    OrderEvent.Fill fill(SimOrder order, String tradeId, double quantity, double price, double commission,
                         String commissionAsset, long time) {
        order.fill(quantity, price);
        settled(order);
        rereserve(order.symbol());
        boolean inAsset = !commissionAsset.isEmpty();
        double signed = order.side().sign() * quantity - (inAsset ? commission : 0);
        double[] position = position(order.symbol());
        double newQuantity = position[0] + signed;
        if (position[0] == 0 || Math.signum(position[0]) == Math.signum(signed)) {
            position[1] = (position[0] * position[1] + signed * price) / newQuantity;
        } else if (Math.signum(newQuantity) != Math.signum(position[0]) && newQuantity != 0) {
            position[1] = price;
        }
        position[0] = Math.abs(newQuantity) < 1e-12 ? 0 : newQuantity;
        if (position[0] == 0) {
            positions.remove(order.symbol());
        }
        cash -= order.side().sign() * quantity * price + (inAsset ? 0 : commission);
        return new OrderEvent.Fill(order.clientOrderId(), tradeId, order.symbol(), order.side(), quantity, price,
                commission, order.filled(), order.remaining(), time, commissionAsset);
    }

    boolean cancel(String clientOrderId) {
        SimOrder order = orders.get(clientOrderId);
        if (order == null || !order.status().isWorking()) {
            return false;
        }
        order.end(OrderStatus.CANCELLED);
        settled(order);
        rereserve(order.symbol());
        return true;
    }

    void replace(String clientOrderId, String newClientOrderId, double quantity, double limitPrice) {
        SimOrder order = orders.remove(clientOrderId);
        Map<String, SimOrder> bySymbol = working.get(order.symbol());
        bySymbol.remove(clientOrderId);
        order.amend(newClientOrderId, quantity, limitPrice);
        orders.put(newClientOrderId, order);
        bySymbol.put(newClientOrderId, order);
        rereserve(order.symbol());
    }

    /** The signed quantity held of {@code symbol}. */
    double quantity(String symbol) {
        double[] position = positions.get(symbol);
        return position == null ? 0 : position[0];
    }

    /** A funding payment settled on a perpetual position: in (out of) cash. */
    void funding(Funding payment) {
        funding.add(payment);
        cash += payment.amount();
    }

    List<Funding> funding() {
        return List.copyOf(funding);
    }

    private double[] position(String symbol) {
        return positions.computeIfAbsent(symbol, s -> new double[] {0, Double.NaN});
    }

    List<BrokerPosition> positions() {
        List<BrokerPosition> list = new ArrayList<>();
        positions.forEach((symbol, p) -> {
            if (p[0] != 0) {
                list.add(new BrokerPosition(symbol, p[0], p[1]));
            }
        });
        return list;
    }

    /** Each holding as an asset balance (what is offered by working sells is locked), for crypto-style venues. */
    List<Balance> assetBalances(java.util.function.Function<String, String> assetOf) {
        List<Balance> list = new ArrayList<>();
        positions.forEach((symbol, p) -> {
            if (p[0] > 0) {
                double offered = p[0] - sellable(symbol);
                list.add(new Balance(assetOf.apply(symbol), p[0] - offered, offered));
            }
        });
        return list;
    }

    Balance balance() {
        double free = freeCash();
        return new Balance(config.currency(), free, cash - free);
    }
}
