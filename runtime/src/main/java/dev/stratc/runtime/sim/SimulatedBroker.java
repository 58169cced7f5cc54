package dev.stratc.runtime.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.BrokerInfo;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.CancelOrder;
import dev.stratc.runtime.broker.Funding;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.ReplaceOrder;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.market.MarketEvent;

/** One account at the {@link SimulatedExchange}, behind the broker port. */
public final class SimulatedBroker implements BrokerPort {
    private final SimulatedExchange exchange;
    private final String accountId;
    private final Set<String> subscriptions = new HashSet<>();
    private volatile BrokerListener listener;

    SimulatedBroker(SimulatedExchange exchange, String accountId) {
        this.exchange = exchange;
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    @Override
    public BrokerInfo info() {
        return new BrokerInfo("SIM", BrokerInfo.Environment.SIMULATED, exchange.config().currency(), Integer.MAX_VALUE,
                0);
    }

    @Override
    public void start(BrokerListener newListener) {
        this.listener = newListener;
    }

    @Override
    public void stop() {
        this.listener = null;
    }

    private BrokerListener connected() {
        BrokerListener current = listener;
        if (current == null) {
            throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, "simulated account " + accountId
                    + " is not started");
        }
        return current;
    }

    void deliver(OrderEvent event) {
        BrokerListener current = listener;
        if (current != null) {
            current.onOrderEvent(event);
        }
    }

    void deliver(Funding funding) {
        BrokerListener current = listener;
        if (current != null) {
            current.onFunding(funding);
        }
    }

    @Override
    public List<Funding> funding(long sinceMillis) {
        return exchange.funding(accountId, sinceMillis);
    }

    void deliver(MarketEvent event) {
        BrokerListener current = listener;
        if (current != null) {
            current.onMarketEvent(event);
        }
    }

    synchronized boolean wants(String symbol) {
        return subscriptions.contains(symbol);
    }

    @Override
    public void submit(SubmitOrder order) {
        connected();
        OrderEvent event;
        ObjectNode record = null;
        SimulatedExchange.TouchedFill touched = null;
        synchronized (exchange) {
            SimAccount account = exchange.account(accountId);
            RejectReason[] reason = new RejectReason[1];
            String refusal = exchange.arrived(accountId, order, reason);
            double lots = exchange.crypto() ? inLots(order.quantity()) : order.quantity();
            if (refusal != null) {
                // refused by the venue's injected fault
            } else if (!(lots > 0)) {
                reason[0] = RejectReason.INVALID_ORDER;
                refusal = order.quantity() + " " + order.symbol() + " is below the lot size " + exchange.lotStep()
                        + " (dust)";
            } else {
                if (lots != order.quantity()) {
                    order = new SubmitOrder(order.clientOrderId(), order.symbol(), order.side(), order.type(), lots,
                            order.limitPrice(), order.timeInForce(), order.touchedPrice());
                }
                refusal = account.refusal(order, exchange::lastPrice, reason);
            }
            if (refusal != null) {
                event = new OrderEvent.Rejected(order.clientOrderId(), reason[0], refusal, exchange.clock());
                if (reason[0] == RejectReason.DUPLICATE_CLIENT_ORDER_ID) {
                    // the venue's own evidence that a client sent an order twice
                    record = exchange.change("duplicate", accountId, order.clientOrderId());
                }
            } else {
                record = exchange.change("order", accountId, order.clientOrderId());
                record.put("symbol", order.symbol()).put("side", order.side().name())
                        .put("orderType", order.type().name()).put("quantity", order.quantity())
                        .put("tif", order.timeInForce().name());
                if (order.type() == OrderType.LIMIT) {
                    record.put("limit", order.limitPrice());
                }
                SimOrder accepted = account.accept(order, exchange.lastPrice(order.symbol()));
                record.put("marketable", accepted.marketable());
                String brokerOrderId = accepted.report().brokerOrderId();
                event = new OrderEvent.Accepted(order.clientOrderId(), brokerOrderId, exchange.clock());
                if (!Double.isNaN(order.touchedPrice())) {
                    touched = exchange.fillTouched(accountId, order.clientOrderId(), order.touchedPrice());
                }
            }
        }
        // the order and its fill at the touched price in one write: a kill in between would leave the restarted
        // venue with the order working and filling at the next trade, one data position later than it did
        exchange.submitted(accountId, event, record, touched);
    }

    /** A quantity rounded down to the venue's lot size, as a crypto exchange's filter wants it. */
    private double inLots(double quantity) {
        double step = exchange.lotStep();
        double lots = Math.floor(quantity / step + 1e-9) * step;
        return quantity - lots < step * 1e-6 ? quantity : lots;   // already in lots: keep it exactly
    }

    @Override
    public Optional<String> baseAsset(String symbol) {
        return exchange.crypto() ? Optional.of(exchange.baseAsset(symbol)) : Optional.empty();
    }

    @Override
    public void cancel(CancelOrder cancel) {
        connected();
        OrderEvent event;
        ObjectNode record = null;
        synchronized (exchange) {
            SimAccount account = exchange.account(accountId);
            SimOrder order = account.order(cancel.clientOrderId());
            if (account.cancel(cancel.clientOrderId())) {
                record = exchange.change("cancel", accountId, cancel.clientOrderId());
                event = new OrderEvent.Cancelled(cancel.clientOrderId(), order.filled(), exchange.clock());
            } else {
                event = new OrderEvent.CancelRejected(cancel.clientOrderId(), order == null
                        ? "no order " + cancel.clientOrderId()
                        : "order " + cancel.clientOrderId() + " is already " + order.status(), exchange.clock());
            }
        }
        exchange.submitted(accountId, event, record);
    }

    @Override
    public void replace(ReplaceOrder replace) {
        connected();
        OrderEvent event;
        ObjectNode record = null;
        synchronized (exchange) {
            SimAccount account = exchange.account(accountId);
            SimOrder order = account.order(replace.clientOrderId());
            if (order == null || !order.status().isWorking() || order.type() != OrderType.LIMIT
                    || account.order(replace.newClientOrderId()) != null || replace.quantity() < order.filled()) {
                event = new OrderEvent.CancelRejected(replace.clientOrderId(), order == null
                        ? "no order " + replace.clientOrderId()
                        : "order " + replace.clientOrderId() + " cannot be replaced (" + order.status() + ", "
                                + order.type() + ")", exchange.clock());
            } else {
                record = exchange.change("replace", accountId, replace.clientOrderId());
                record.put("newId", replace.newClientOrderId()).put("quantity", replace.quantity())
                        .put("limit", replace.limitPrice());
                account.replace(replace.clientOrderId(), replace.newClientOrderId(), replace.quantity(),
                        replace.limitPrice());
                event = new OrderEvent.Replaced(replace.clientOrderId(), replace.newClientOrderId(),
                        replace.quantity(), replace.limitPrice(), exchange.clock());
            }
        }
        exchange.submitted(accountId, event, record);
    }

    @Override
    public List<OrderReport> openOrders() {
        synchronized (exchange) {
            return exchange.account(accountId).orders().stream().filter(o -> o.status().isWorking())
                    .map(SimOrder::report).toList();
        }
    }

    @Override
    public Optional<OrderReport> order(String clientOrderId) {
        synchronized (exchange) {
            return Optional.ofNullable(exchange.account(accountId).order(clientOrderId)).map(SimOrder::report);
        }
    }

    @Override
    public List<BrokerPosition> positions() {
        synchronized (exchange) {
            return exchange.account(accountId).positions();
        }
    }

    @Override
    public List<Balance> balances() {
        synchronized (exchange) {
            SimAccount account = exchange.account(accountId);
            if (!exchange.crypto()) {
                return List.of(account.balance());
            }
            List<Balance> balances = new java.util.ArrayList<>();
            balances.add(account.balance());
            balances.addAll(account.assetBalances(exchange::baseAsset));
            return balances;
        }
    }

    @Override
    public synchronized void subscribe(Set<String> symbols) {
        subscriptions.addAll(symbols);
    }

    @Override
    public synchronized void unsubscribe(Set<String> symbols) {
        subscriptions.removeAll(symbols);
    }
}
