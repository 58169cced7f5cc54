package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.config.BinanceAccountSettings;
import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.filters.FilterViolation;
import dev.stratc.brokers.binance.filters.OrderQuantizer;
import dev.stratc.brokers.binance.filters.SymbolRules;
import dev.stratc.brokers.binance.order.NewOrder;
import dev.stratc.brokers.binance.rest.AlertSink;
import dev.stratc.brokers.binance.rest.BinanceApiException;
import dev.stratc.brokers.binance.rest.BookTicker;
import dev.stratc.brokers.binance.rest.HostBannedException;
import dev.stratc.brokers.binance.rest.OrderLimiter;
import dev.stratc.brokers.binance.rest.OrderState;
import dev.stratc.brokers.binance.rest.SpotAccountClient;
import dev.stratc.brokers.binance.rest.Trade;
import dev.stratc.brokers.binance.stream.ExecutionReport;
import dev.stratc.brokers.binance.stream.MarketListener;
import dev.stratc.brokers.binance.stream.MarketStream;
import dev.stratc.brokers.binance.stream.TradeEvent;
import dev.stratc.brokers.binance.stream.UserDataListener;
import dev.stratc.brokers.binance.stream.UserDataStream;
import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.BrokerInfo;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.CancelOrder;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.ReplaceOrder;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.broker.TimeInForce;
import dev.stratc.runtime.market.MarketEvent;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Binance Spot account (a main account or a sub-account) behind the runtime's {@link BrokerPort}.
 *
 * <p>Commands go over REST; what happens to orders afterwards comes from the user data stream of the
 * WebSocket API. The REST answer to an order already says whether it was accepted and what filled at once,
 * so both sources feed one {@link TrackedOrder} per order, which passes each fact on once (fills keyed by
 * {@code symbol-tradeId}). After the user data stream was down, the working orders are read again from REST.
 * Every listener call is made from one thread, in the order the facts were learnt.
 *
 * <p>Mapping: the runtime's DAY time in force becomes GTC (crypto trades around the clock); a replace is one
 * {@code cancelReplace} request whose new order carries the quantity still open; quantities and prices are
 * brought onto the symbol's lot and tick before sending, and an order that cannot satisfy a filter is
 * rejected here, naming the filter and the numbers.
 */
public final class BinanceBroker implements BrokerPort {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceBroker.class);
    private static final long SUBSCRIBE_TIMEOUT_MILLIS = 10_000;
    /** A combined stream carries up to 1024 streams, two per symbol (trades and the book ticker). */
    static final int MAX_STREAMED_SYMBOLS = 1024 / 2;

    private final BinanceAccountSettings settings;
    private final AccountLifecycle lifecycle;
    private final ListenerDispatch dispatch;
    private final OrderTracker tracker;
    private final Map<String, TrackedOrder> orders;
    private final BinanceHost host;
    private final SpotAccountClient account;
    private final Map<String, BigDecimal> lastTradePrices = new ConcurrentHashMap<>();
    private final Set<String> subscribed = new TreeSet<>();
    private final AlertSink alerts;

    private volatile String subscriptionError;
    private volatile String subscriptionRateLimited;
    private UserDataStream userData;
    private MarketStream marketStream;

    public BinanceBroker(BinanceAccountSettings settings, BinanceHost host) {
        this.settings = settings;
        this.lifecycle = new AccountLifecycle(settings.id());
        this.dispatch = lifecycle.dispatch();
        this.alerts = message -> dispatch.connection(false, message);
        this.tracker = new OrderTracker(dispatch, null, LOG, settings.id(), "order");
        this.orders = tracker.orders;
        this.host = host;
        ExchangeInfo.RateLimitRules limits = ExchangeInfo.RateLimitRules.SPOT_DEFAULTS;
        this.account = new SpotAccountClient(host.rest(), settings.key(),
                new OrderLimiter(settings.id(), limits.ordersPer10Seconds(), limits.ordersPerDay(), host.rest().clock(),
                        host.sleeper()));
    }

    @Override
    public BrokerInfo info() {
        return new BrokerInfo("BINANCE", settings.paper() ? BrokerInfo.Environment.PAPER : BrokerInfo.Environment.LIVE,
                settings.quoteAsset(), MAX_STREAMED_SYMBOLS, 0);
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    @Override
    public void start(BrokerListener newListener) {
        synchronized (this) {
            if (!lifecycle.begin(newListener, "binance-events-" + settings.id())) {
                return;
            }
        }
        try {
            host.rest().synchronizeClock();
            ExchangeInfo.RateLimitRules limits = host.exchangeInfo().rateLimits();
            account.orderLimiter().setLimits(limits.ordersPer10Seconds(), limits.ordersPerDay());
        } catch (RuntimeException e) {
            stop();
            throw failure(e, BrokerException.Kind.NOT_CONNECTED, "cannot reach Binance at " + settings.endpoints().rest());
        }
        host.addAlertSink(alerts);
        subscriptionError = null;
        subscriptionRateLimited = null;
        userData = new UserDataStream(host.http(), settings.endpoints().wsApiUrl(), settings.key(),
                host.rest().clock(), settings.recvWindow(), host.rest()::synchronizeClock, new UserData(), host.json(),
                host.scheduler(), host.timings(), host::alert, host.clock());
        userData.start();
        awaitSubscription();
        dispatch.connection(true, "Binance " + (settings.paper() ? "Spot Testnet" : "production") + " account " + settings.id()
                + " connected");
        synchronized (this) {
            if (!subscribed.isEmpty()) {
                try {
                    restartMarketStream();
                } catch (BrokerException e) {
                    stop();
                    throw e;
                }
            }
        }
    }

    private void awaitSubscription() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SUBSCRIBE_TIMEOUT_MILLIS);
        while (!userData.isSubscribed()) {
            String error = subscriptionError;
            String unreachable = userData.unreachable();
            if (error != null) {
                stop();
                throw new BrokerException(BrokerException.Kind.AUTHENTICATION, "Binance account " + settings.id() + ": "
                        + error);
            }
            if (unreachable != null) {
                stop();
                throw unreachable("WebSocket API", settings.endpoints().wsApi(), unreachable, "ws_api_url");
            }
            if (subscriptionRateLimited != null) {
                // nothing to trade with until Binance lets this IP in again: the run starts later, not blind
                stop();
                throw new BrokerException(BrokerException.Kind.RATE_LIMITED, "Binance account " + settings.id() + ": "
                        + subscriptionRateLimited);
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, "Binance account " + settings.id()
                        + ": the WebSocket API at " + settings.endpoints().wsApi() + " confirmed no user data subscription"
                        + " within " + SUBSCRIBE_TIMEOUT_MILLIS / 1000 + " s; check ws_api_url in the accounts file and"
                        + " that this machine reaches it (firewall, proxy)");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, "interrupted while connecting", e);
            }
        }
    }

    @Override
    public void stop() {
        lifecycle.stop(this, () -> {
            userData = AccountLifecycle.closed(userData);
            marketStream = AccountLifecycle.closed(marketStream);
        }, () -> host.removeAlertSink(alerts));
    }

    // ------------------------------------------------------------------------------------------ commands

    @Override
    public void submit(SubmitOrder order) {
        requireRunning();
        String id = order.clientOrderId();
        Optional<SymbolRules> rules = exchangeRules(order.symbol());
        // a sell is sized to what is held now: the base asset's free balance, read from Binance
        BigDecimal held = order.side() == Side.SELL && rules.isPresent() ? free(rules.get().baseAsset()) : null;
        // selling all of it at market: judge its notional (is it dust?) at a price, as Binance would
        boolean wholeHoldingAtMarket = held != null && order.type() == OrderType.MARKET
                && quantity(order.quantity()).compareTo(held) >= 0;
        BigDecimal referencePrice = wholeHoldingAtMarket ? referencePrice(order.symbol()) : null;
        NewOrder binanceOrder;
        TrackedOrder tracked;
        synchronized (orders) {
            if (orders.containsKey(id)) {
                dispatch.emit(new OrderEvent.Rejected(id, RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                        "client order id " + id + " is already used by an order of account " + settings.id(), now()));
                return;
            }
            if (rules.isEmpty()) {
                dispatch.emit(new OrderEvent.Rejected(id, RejectReason.UNKNOWN_SYMBOL,
                        "Binance lists no symbol " + order.symbol(), now()));
                return;
            }
            if (held != null && held.signum() == 0) {
                dispatch.emit(new OrderEvent.Rejected(id, RejectReason.INSUFFICIENT_POSITION, order.symbol() + " SELL refused: account "
                        + settings.id() + " holds no free " + rules.get().baseAsset() + "; not sent", now()));
                return;
            }
            try {
                NewOrder wanted = toBinance(order);
                binanceOrder = held == null ? OrderQuantizer.apply(wanted, rules.get(), null)
                        : OrderQuantizer.applySell(wanted, rules.get(), held, referencePrice);
            } catch (FilterViolation | IllegalArgumentException e) {
                dispatch.emit(new OrderEvent.Rejected(id, RejectReason.INVALID_ORDER, e.getMessage(), now()));
                return;
            }
            if (held != null && binanceOrder.quantity().compareTo(quantity(order.quantity())) < 0) {
                LOG.info("account {}: {} SELL {} sized to {} (free {} {})", settings.id(), order.symbol(),
                        order.quantity(), binanceOrder.quantity().toPlainString(), held.toPlainString(),
                        rules.get().baseAsset());
            }
            tracked = new TrackedOrder(id, order.symbol(), order.side(), binanceOrder.quantity());
            orders.put(id, tracked);
        }
        try {
            OrderState state = account.placeOrder(binanceOrder);
            synchronized (orders) {
                apply(tracked, state);
            }
        } catch (BinanceApiException e) {
            tracker.refusedOnSubmit(id, e, e.binanceMessage().contains("Duplicate order"), rejectReason(e), now(),
                    kind -> failure(e, kind, "order " + id));
        } catch (HostBannedException e) {
            tracker.forget(id);
            throw failure(e, BrokerException.Kind.RATE_LIMITED, "order " + id);
        } catch (UncheckedIOException e) {
            throw failure(e, BrokerException.Kind.OUTCOME_UNKNOWN, "order " + id);
        }
    }

    /** What the account can sell of {@code asset} now. */
    private BigDecimal free(String asset) {
        try {
            return account.balances().stream().filter(b -> b.asset().equals(asset))
                    .map(dev.stratc.brokers.binance.rest.Balance::free).findFirst().orElse(BigDecimal.ZERO);
        } catch (RuntimeException e) {
            throw failure(e, null, "the " + asset + " balance before a sell");
        }
    }

    /** The price a MARKET sell's notional is judged at: the last trade seen on the stream, else the best bid. */
    private BigDecimal referencePrice(String symbol) {
        BigDecimal last = lastTradePrices.get(symbol);
        if (last != null) {
            return last;
        }
        try {
            return host.market().bookTicker(symbol).bidPrice();
        } catch (RuntimeException e) {
            LOG.warn("account {}: no price for {} to judge a sell's notional; Binance will judge it: {}", settings.id(),
                    symbol, e.getMessage());
            return null;
        }
    }

    /**
     * An engine's quantity as a decimal. Doubles carry noise in their last digits (0.01 - 0.00001 is
     * 0.009989999999999999), which flooring to the lot step would turn into a whole step less; no exchange
     * quantity needs more than 12 significant digits.
     */
    static BigDecimal quantity(double quantity) {
        return new BigDecimal(quantity).round(new MathContext(12, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static NewOrder toBinance(SubmitOrder order) {
        NewOrder.Side side = NewOrder.Side.valueOf(order.side().name());
        BigDecimal quantity = quantity(order.quantity());
        if (order.type() == OrderType.MARKET) {
            return NewOrder.market(order.symbol(), side, quantity, order.clientOrderId());
        }
        NewOrder.TimeInForce tif = order.timeInForce() == TimeInForce.IOC ? NewOrder.TimeInForce.IOC : NewOrder.TimeInForce.GTC;
        return NewOrder.limit(order.symbol(), side, quantity, BigDecimal.valueOf(order.limitPrice()), tif,
                order.clientOrderId());
    }

    @Override
    public void cancel(CancelOrder cancel) {
        requireRunning();
        String id = cancel.clientOrderId();
        try {
            OrderState state = account.cancelOrder(cancel.symbol(), id);
            synchronized (orders) {
                TrackedOrder tracked = tracker.track(id, state.symbol(), state.side(), state.origQty());
                tracker.finish(tracked, new OrderEvent.Cancelled(id, state.executedQty().doubleValue(), state.updateTime()));
            }
        } catch (BinanceApiException e) {
            if (e.code() != BinanceApiException.CANCEL_REJECTED && e.code() != BinanceApiException.NO_SUCH_ORDER) {
                throw failure(e, null, "cancel of " + id);
            }
            synchronized (orders) {
                dispatch.emit(new OrderEvent.CancelRejected(id, e.binanceMessage(), now()));
            }
        } catch (RuntimeException e) {
            throw failure(e, null, "cancel of " + id);
        }
    }

    @Override
    public void replace(ReplaceOrder replace) {
        requireRunning();
        String oldId = replace.clientOrderId();
        String newId = replace.newClientOrderId();
        TrackedOrder old;
        synchronized (orders) {
            old = orders.get(oldId);
        }
        try {
            if (old == null) {
                OrderState state = account.queryOrder(replace.symbol(), oldId);
                synchronized (orders) {
                    old = tracker.track(oldId, state.symbol(), state.side(), state.origQty());
                    old.filled = state.executedQty();
                }
            }
        } catch (BinanceApiException e) {
            if (e.code() != BinanceApiException.NO_SUCH_ORDER) {
                throw failure(e, null, "replace of " + oldId);
            }
            synchronized (orders) {
                dispatch.emit(new OrderEvent.CancelRejected(oldId, e.binanceMessage(), now()));
            }
            return;
        } catch (RuntimeException e) {
            throw failure(e, null, "replace of " + oldId);
        }
        NewOrder replacement;
        TrackedOrder fresh;
        synchronized (orders) {
            // Binance's replacement is a new order: it carries what is still to fill, not the old total
            BigDecimal open = quantity(replace.quantity()).subtract(old.filled);
            try {
                SymbolRules rules = exchangeRules(replace.symbol()).orElseThrow(
                        () -> new IllegalArgumentException("Binance lists no symbol " + replace.symbol()));
                if (old.finished || open.signum() <= 0) {
                    throw new IllegalArgumentException("order " + oldId + " has nothing left to replace");
                }
                replacement = OrderQuantizer.apply(NewOrder.limit(replace.symbol(), NewOrder.Side.valueOf(old.side.name()),
                        open, BigDecimal.valueOf(replace.limitPrice()), NewOrder.TimeInForce.GTC, newId), rules, null);
            } catch (FilterViolation | IllegalArgumentException e) {
                dispatch.emit(new OrderEvent.CancelRejected(oldId, e.getMessage(), now()));
                return;
            }
            old.replacing = true;
            fresh = new TrackedOrder(newId, replace.symbol(), old.side, replacement.quantity());
            fresh.accepted = true; // the runtime learns of it through Replaced, not Accepted
            orders.put(newId, fresh);
        }
        try {
            OrderState state = account.cancelReplace(oldId, replacement);
            synchronized (orders) {
                old.finished = true;
                dispatch.emit(new OrderEvent.Replaced(oldId, newId, replace.quantity(), replacement.price().doubleValue(),
                        state.updateTime()));
                apply(fresh, state);
            }
        } catch (BinanceApiException e) {
            synchronized (orders) {
                old.replacing = false;
                orders.remove(newId);
                if (e.code() == -2022) {
                    dispatch.emit(new OrderEvent.CancelRejected(oldId, e.binanceMessage(), now()));
                } else if (e.code() == -2021) {
                    // the cancel went through but the new order was refused: the old order is simply cancelled
                    LOG.warn("account {}: replace of {} cancelled it but Binance refused the new order: {}",
                            settings.id(), oldId, e.binanceMessage());
                    tracker.finish(old, new OrderEvent.Cancelled(oldId, old.filled.doubleValue(), now()));
                } else {
                    throw failure(e, null, "replace of " + oldId);
                }
            }
        } catch (RuntimeException e) {
            throw failure(e, null, "replace of " + oldId);
        }
    }

    private Optional<SymbolRules> exchangeRules(String symbol) {
        try {
            return host.exchangeInfo().rules(symbol);
        } catch (RuntimeException e) {
            throw failure(e, BrokerException.Kind.NOT_CONNECTED, "exchangeInfo");
        }
    }

    // ------------------------------------------------------------------------------------------ queries

    @Override
    public List<OrderReport> openOrders() {
        requireRunning();
        try {
            return account.openOrders(null).stream().map(s -> OrderReports.of(s, OrderReports.SPOT_LIMIT)).toList();
        } catch (RuntimeException e) {
            throw failure(e, null, "open orders");
        }
    }

    @Override
    public Optional<OrderReport> order(String clientOrderId) {
        requireRunning();
        // GET .../order needs the symbol: an order this process never saw is looked for where it can be
        List<String> others = new ArrayList<>();
        synchronized (this) {
            others.addAll(subscribed);
        }
        try {
            return tracker.find(clientOrderId, others, account::queryOrder).map(s -> OrderReports.of(s, OrderReports.SPOT_LIMIT));
        } catch (RuntimeException e) {
            throw failure(e, null, "order " + clientOrderId);
        }
    }

    /**
     * Spot has no positions, only balances: every asset other than the account's quote asset that trades against
     * it is a holding of that symbol, its quantity the balance (free and locked). Its average price is that of
     * the most recent buys that make up the balance ({@code myTrades}, the last 1000): first in, first out, the
     * coins sold were the oldest. Each buy counts with what it left after a fee in the base asset, at its trade
     * price (fees are not in the price). When those buys do not cover the balance (coins deposited, transferred
     * from another account, or bought before the trades read) the cost is unknown and the average price is
     * {@code NaN}: a holding to value at the market, not one with a known cost.
     */
    @Override
    public List<BrokerPosition> positions() {
        requireRunning();
        try {
            ExchangeInfo info = host.exchangeInfo();
            List<BrokerPosition> positions = new ArrayList<>();
            for (var balance : account.balances()) {
                Optional<SymbolRules> market = info.market(balance.asset(), settings.quoteAsset());
                if (balance.total().signum() == 0 || market.isEmpty()) {
                    continue;
                }
                String symbol = market.get().symbol();
                positions.add(new BrokerPosition(symbol, balance.total().doubleValue(),
                        averageCost(account.myTrades(symbol, null, 1000), balance.total(), balance.asset())));
            }
            return positions;
        } catch (RuntimeException e) {
            throw failure(e, null, "positions");
        }
    }

    /**
     * The average trade price of the newest buys that make up {@code held} of {@code baseAsset} (each counted
     * net of a fee taken in the base asset), or NaN when the buys among {@code trades} do not cover it.
     */
    static double averageCost(List<Trade> trades, BigDecimal held, String baseAsset) {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (int i = trades.size() - 1; i >= 0 && quantity.compareTo(held) < 0; i--) {
            Trade t = trades.get(i);
            if (t.isBuyer()) {
                BigDecimal net = baseAsset.equals(t.commissionAsset()) ? t.qty().subtract(t.commission()) : t.qty();
                BigDecimal used = net.min(held.subtract(quantity));
                quantity = quantity.add(used);
                cost = cost.add(used.multiply(t.price()));
            }
        }
        return quantity.compareTo(held) < 0 ? Double.NaN : cost.divide(quantity, MathContext.DECIMAL64).doubleValue();
    }

    /** The symbol's {@code baseAsset} from exchangeInfo (a symbol's name is never split to find it). */
    @Override
    public Optional<String> baseAsset(String symbol) {
        return exchangeRules(symbol).map(SymbolRules::baseAsset);
    }

    @Override
    public List<Balance> balances() {
        requireRunning();
        try {
            return account.balances().stream()
                    .map(b -> new Balance(b.asset(), b.free().doubleValue(), b.locked().doubleValue())).toList();
        } catch (RuntimeException e) {
            throw failure(e, null, "balances");
        }
    }

    // ------------------------------------------------------------------------------------------ market data

    /** @throws BrokerException when the first market stream of this account cannot be reached at all */
    @Override
    public synchronized void subscribe(Set<String> symbols) {
        Set<String> added = new TreeSet<>(symbols);
        added.removeAll(subscribed);
        if (added.isEmpty()) {
            return;
        }
        if (subscribed.size() + added.size() > MAX_STREAMED_SYMBOLS) {
            throw new IllegalArgumentException("account " + settings.id() + " streams at most " + MAX_STREAMED_SYMBOLS
                    + " symbols (1024 streams per connection, 2 per symbol); " + subscribed.size() + " are streamed and "
                    + added.size() + " more were asked for");
        }
        subscribed.addAll(added);
        if (lifecycle.running()) {
            try {
                restartMarketStream();
            } catch (BrokerException e) {
                subscribed.removeAll(added);
                throw e;
            }
        }
    }

    @Override
    public synchronized void unsubscribe(Set<String> symbols) {
        if (subscribed.removeAll(symbols) && lifecycle.running()) {
            restartMarketStream();
        }
    }

    /** Opens a stream for the new set before closing the old one, so the symbols kept see no gap. */
    private void restartMarketStream() {
        MarketStream old = marketStream;
        marketStream = null;
        if (!subscribed.isEmpty()) {
            List<String> streams = new ArrayList<>();
            for (String symbol : subscribed) {
                streams.add(MarketStream.tradeStream(symbol));
                streams.add(MarketStream.bookTickerStream(symbol));
            }
            marketStream = new MarketStream(host.http(), settings.endpoints().streamUrl(), streams, new Market(),
                    host.json(), host.scheduler(), host.timings(), host::alert, host.clock());
            marketStream.start();
            if (old == null) {
                awaitFirstMarketStream();
            }
        }
        if (old != null) {
            old.close();
        }
    }

    /**
     * The first market stream must be reachable: a wrong address or a blocked port fails the run now, with the
     * address, instead of retrying in silence. A slow one is left to connect (and reconnect) on its own.
     */
    private void awaitFirstMarketStream() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SUBSCRIBE_TIMEOUT_MILLIS);
        while (!marketStream.isConnected()) {
            String unreachable = marketStream.unreachable();
            if (unreachable != null) {
                marketStream.close();
                marketStream = null;
                throw unreachable("market streams", settings.endpoints().stream(), unreachable, "stream_url");
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("account {}: the market stream at {} has not connected within {} s; it keeps trying",
                        settings.id(), settings.endpoints().stream(), SUBSCRIBE_TIMEOUT_MILLIS / 1000);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private BrokerException unreachable(String what, String url, String why, String setting) {
        return new BrokerException(BrokerException.Kind.NOT_CONNECTED, "Binance account " + settings.id() + ": the "
                + what + " at " + url + " cannot be reached: " + why + ". Check " + setting + " in the accounts file"
                + " (or config/brokers/binance.yaml) and that this machine reaches that address (firewall, proxy)");
    }

    private final class Market implements MarketListener {
        @Override
        public void onTrade(TradeEvent trade) {
            lastTradePrices.put(trade.symbol(), trade.price());
            dispatch.emit(new MarketEvent.Trade(trade.symbol(), trade.tradeTime(), trade.price().doubleValue(),
                    trade.quantity().doubleValue()));
        }

        @Override
        public void onBookTicker(BookTicker t) {
            dispatch.emit(new MarketEvent.Quote(t.symbol(), host.rest().clock().nowMillis(), t.bidPrice().doubleValue(),
                    t.bidQty().doubleValue(), t.askPrice().doubleValue(), t.askQty().doubleValue()));
        }

        @Override
        public void onGap(long lostAtMillis, long resumedAtMillis) {
            dispatch.connection(true, "market stream of " + settings.id() + " resumed after " + (resumedAtMillis - lostAtMillis)
                    + " ms without data");
        }
    }

    // ------------------------------------------------------------------------------------------ user data

    private final class UserData implements UserDataListener {
        @Override
        public void onExecutionReport(ExecutionReport r) {
            synchronized (orders) {
                TrackedOrder t = tracker.track(r.orderClientId(), r.symbol(), Side.valueOf(r.side()), r.quantity());
                switch (r.executionType()) {
                    case "NEW" -> tracker.accept(t, r.orderId(), r.transactionTime());
                    case "TRADE" -> {
                        tracker.accept(t, r.orderId(), r.transactionTime());
                        tracker.fill(t, r.tradeId(), r.lastQuantity(), r.lastPrice(), r.commission(), r.commissionAsset(),
                                r.transactionTime());
                    }
                    case "CANCELED" -> {
                        if (!t.replacing) {
                            tracker.finish(t, new OrderEvent.Cancelled(t.clientOrderId, r.cumulativeQuantity().doubleValue(),
                                    r.transactionTime()));
                        }
                    }
                    case "EXPIRED", "TRADE_PREVENTION" -> tracker.finish(t, new OrderEvent.Expired(t.clientOrderId,
                            r.cumulativeQuantity().doubleValue(), r.transactionTime()));
                    case "REJECTED" -> tracker.finish(t, new OrderEvent.Rejected(t.clientOrderId, RejectReason.OTHER,
                            "Binance rejected the order: " + r.rejectReason(), r.transactionTime()));
                    default -> {
                        // REPLACED (an amend keeping priority) is not used by this adapter
                    }
                }
            }
        }

        @Override
        public void onResubscribed(long lostAtMillis, long resumedAtMillis) {
            dispatch.connection(true, "user data of " + settings.id() + " resubscribed after " + (resumedAtMillis - lostAtMillis)
                    + " ms; reading working orders from REST");
            Thread.ofVirtual().name("binance-reconcile-" + settings.id()).start(BinanceBroker.this::reconcile);
        }

        @Override
        public void onError(String message) {
            subscriptionError = message;
        }

        @Override
        public void onRateLimited(String message) {
            subscriptionRateLimited = message;
        }
    }

    /** Reads each order still working here from REST and passes on what the stream missed. */
    void reconcile() {
        tracker.reconcile(account::queryOrder, account::tradesOfOrder);
    }

    // ------------------------------------------------------------------------------------------ events, once each

    /** What a REST answer says about an order: accepted, immediate fills, or already ended. */
    private void apply(TrackedOrder t, OrderState state) {
        tracker.accept(t, state.orderId(), state.updateTime());
        for (OrderState.Fill f : state.fills()) {
            tracker.fill(t, f.tradeId(), f.qty(), f.price(), f.commission(), f.commissionAsset(), state.updateTime());
        }
        tracker.terminal(t, state);
    }

    // ------------------------------------------------------------------------------------------ mapping

    static RejectReason rejectReason(BinanceApiException e) {
        String message = e.binanceMessage();
        return switch (e.code()) {
            case BinanceApiException.FILTER_FAILURE, -1100, -1102, -1111 -> RejectReason.INVALID_ORDER;
            case -1121 -> RejectReason.UNKNOWN_SYMBOL;
            case BinanceApiException.TOO_MANY_ORDERS -> RejectReason.RATE_LIMITED;
            case BinanceApiException.NEW_ORDER_REJECTED -> message.contains("insufficient balance") ? RejectReason.INSUFFICIENT_FUNDS
                    : message.contains("Duplicate order") ? RejectReason.DUPLICATE_CLIENT_ORDER_ID
                    : message.contains("Market is closed") ? RejectReason.MARKET_CLOSED
                    : message.contains("immediately match") ? RejectReason.INVALID_ORDER
                    : RejectReason.OTHER;
            default -> RejectReason.OTHER;
        };
    }

    private BrokerException failure(RuntimeException e, BrokerException.Kind kind, String what) {
        return BinanceFailures.failure("Binance account " + settings.id(), e, kind, what);
    }

    private void requireRunning() {
        lifecycle.requireRunning();
    }

    private long now() {
        return host.rest().clock().nowMillis();
    }
}
