package dev.stratc.brokers.binance.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.binance.config.BinanceAccountSettings;
import dev.stratc.brokers.binance.config.FuturesSettings;
import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.filters.SymbolRules;
import dev.stratc.brokers.binance.futures.FuturesAccount;
import dev.stratc.brokers.binance.futures.FuturesEvents;
import dev.stratc.brokers.binance.futures.FuturesHost;
import dev.stratc.brokers.binance.futures.FuturesOrder;
import dev.stratc.brokers.binance.futures.FuturesPosition;
import dev.stratc.brokers.binance.futures.FuturesUserStream;
import dev.stratc.brokers.binance.futures.FundingPayment;
import dev.stratc.brokers.binance.futures.UsdmFuturesClient;
import dev.stratc.brokers.binance.rest.AlertSink;
import dev.stratc.brokers.binance.rest.BinanceApiException;
import dev.stratc.brokers.binance.rest.HostBannedException;
import dev.stratc.brokers.binance.rest.OrderLimiter;
import dev.stratc.brokers.binance.rest.OrderState;
import dev.stratc.brokers.binance.rest.Trade;
import dev.stratc.brokers.binance.stream.MarketListener;
import dev.stratc.brokers.binance.stream.MarketStream;
import dev.stratc.brokers.binance.stream.TradeEvent;
import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.BrokerInfo;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.CancelOrder;
import dev.stratc.runtime.broker.Funding;
import dev.stratc.runtime.broker.Margin;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.ReplaceOrder;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.market.MarketEvent;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Binance USDⓈ-M futures account (a main account or a sub-account with {@code markets: usdm}) behind the
 * runtime's {@link BrokerPort}.
 *
 * <p>Positions are signed: a SELL with no long position open opens a short (the runtime's own rules decide
 * whether a strategy may do that). Before the first order of a symbol the account's margin type and leverage
 * are set on it, and a leverage above the symbol's first bracket refuses the order, naming both. Commands go
 * over REST; fills, cancels and funding come from the listenKey user data stream, and after the stream was
 * down the working orders are read again from REST. Each fact reaches the listener once (fills keyed by
 * {@code symbol-tradeId}, funding by its income {@code tranId}), from one thread, in the order learnt.
 *
 * <p>Mapping: DAY becomes GTC; a replace is a cancel then a new order for what is still open (USDⓈ-M's
 * modify keeps the client order id, the runtime's replace names a new one); quantities are floored to the
 * symbol's lot step and prices rounded to its tick.
 */
public final class BinanceFuturesBroker implements BrokerPort {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceFuturesBroker.class);
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    /** A combined stream carries up to 1024 streams, one per symbol (aggregate trades). */
    static final int MAX_STREAMED_SYMBOLS = 1024;

    /** The futures side of what the status view and the risk checks show per position. */
    public record PositionRisk(String symbol, String positionSide, double quantity, double entryPrice,
            double markPrice, double liquidationPrice, double unrealizedProfit) {
    }

    /** The account's margin ratio (maintenance margin / margin balance; 1.0 is liquidation) and its positions. */
    public record Status(double marginRatio, double marginBalance, double availableBalance, List<PositionRisk> positions) {
    }

    private final BinanceAccountSettings settings;
    private final AccountLifecycle lifecycle;
    private final ListenerDispatch dispatch;
    private final OrderTracker tracker;
    private final Map<String, TrackedOrder> orders;
    private final FuturesSettings futures;
    private final FuturesHost host;
    private final UsdmFuturesClient client;
    private final Set<String> prepared = new HashSet<>();
    private final Set<String> subscribed = new TreeSet<>();
    private final Set<String> fundingSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** How far before a FUNDING_FEE update the income history is read (the stream's time and the income's differ). */
    private static final long FUNDING_LOOKBACK_MILLIS = 60_000;
    private final List<FundingPayment> funding = new CopyOnWriteArrayList<>();
    private final AlertSink alerts;

    private FuturesUserStream userData;
    private MarketStream marketStream;

    public BinanceFuturesBroker(BinanceAccountSettings settings, FuturesSettings futures, FuturesHost host) {
        this.settings = settings;
        this.lifecycle = new AccountLifecycle(settings.id());
        this.dispatch = lifecycle.dispatch();
        this.alerts = message -> dispatch.connection(false, message);
        this.tracker = new OrderTracker(dispatch, settings.quoteAsset(), LOG, settings.id(), "futures order");
        this.orders = tracker.orders;
        this.futures = futures;
        this.host = host;
        this.client = new UsdmFuturesClient(host.rest(), settings.key(), new OrderLimiter(settings.id() + " (futures)",
                FuturesHost.DEFAULT_ORDERS_PER_10S, 200_000, host.rest().clock(), host.sleeper()));
    }

    @Override
    public BrokerInfo info() {
        return new BrokerInfo("BINANCE-USDM", settings.paper() ? BrokerInfo.Environment.PAPER : BrokerInfo.Environment.LIVE,
                settings.quoteAsset(), MAX_STREAMED_SYMBOLS, 0);
    }

    /** A SELL with no long open opens a short: futures trade both ways. */
    @Override
    public boolean sellsShort() {
        return true;
    }

    public FuturesSettings futuresSettings() {
        return futures;
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    @Override
    public void start(BrokerListener newListener) {
        synchronized (this) {
            if (!lifecycle.begin(newListener, "binance-futures-events-" + settings.id())) {
                return;
            }
        }
        try {
            host.rest().synchronizeClock();
            ExchangeInfo.RateLimitRules limits = host.exchangeInfo(client).rateLimits();
            client.orderLimiter().setLimits(limits.ordersPer10Seconds(), limits.ordersPerDay());
            boolean hedge = client.hedgeMode();
            if (hedge != futures.hedge()) {
                stop();
                throw new BrokerException(BrokerException.Kind.BROKER_ERROR, "Binance account " + settings.id()
                        + " is in " + (hedge ? "hedge" : "one-way") + " position mode, but accounts.yaml says "
                        + "position_mode: " + (futures.hedge() ? "hedge" : "one_way") + "; change one of them (the "
                        + "mode is switched at Binance only without open positions or orders)");
            }
            userData = new FuturesUserStream(host.http(), settings.endpoints().streamUrl(), client, new UserData(),
                    host.json(), host.scheduler(), host.timings(), host::alert, host.clock());
            userData.start();
        } catch (BrokerException e) {
            throw e;
        } catch (RuntimeException e) {
            stop();
            throw failure(e, BrokerException.Kind.NOT_CONNECTED, "cannot reach Binance futures at "
                    + settings.endpoints().rest());
        }
        host.addAlertSink(alerts);
        awaitUserData();
        dispatch.connection(true, "Binance " + (settings.paper() ? "futures testnet" : "USDⓈ-M futures") + " account "
                + settings.id() + " connected");
        synchronized (this) {
            if (!subscribed.isEmpty()) {
                restartMarketStream();
            }
        }
    }

    private void awaitUserData() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MILLIS);
        while (!userData.isConnected()) {
            String unreachable = userData.unreachable();
            if (unreachable != null || System.nanoTime() > deadline) {
                stop();
                throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, "Binance account " + settings.id()
                        + ": the futures user data stream at " + settings.endpoints().stream() + " "
                        + (unreachable != null ? "cannot be reached: " + unreachable : "did not connect within "
                        + CONNECT_TIMEOUT_MILLIS / 1000 + " s") + ". Check futures_stream_url in the accounts file and"
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

    // ------------------------------------------------------------------------------------------ leverage and margin

    /**
     * Sets the account's margin type and leverage on {@code symbol} once, before its first order. Returns why the
     * order must not be sent, or null.
     */
    private String prepare(String symbol) {
        synchronized (prepared) {
            if (prepared.contains(symbol)) {
                return null;
            }
        }
        if (futures.margin() != null) {
            client.setMarginType(symbol, futures.margin());
        }
        if (futures.leverage() > 0) {
            int max = client.maxLeverage(symbol);
            if (max > 0 && futures.leverage() > max) {
                return "account " + settings.id() + ": leverage " + futures.leverage() + " is above " + symbol
                        + "'s highest bracket (" + max + "x); lower leverage in accounts.yaml";
            }
            int applied = client.setLeverage(symbol, futures.leverage());
            LOG.info("account {}: {} set to {}x leverage{}", settings.id(), symbol, applied,
                    futures.margin() == null ? "" : ", " + futures.margin().toLowerCase() + " margin");
        }
        synchronized (prepared) {
            prepared.add(symbol);
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ commands

    @Override
    public void submit(SubmitOrder order) {
        requireRunning();
        String id = order.clientOrderId();
        Optional<SymbolRules> rules = rules(order.symbol());
        TrackedOrder tracked;
        FuturesOrder binanceOrder;
        synchronized (orders) {
            if (orders.containsKey(id)) {
                dispatch.emit(new OrderEvent.Rejected(id, RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                        "client order id " + id + " is already used by an order of account " + settings.id(), now()));
                return;
            }
            if (rules.isEmpty()) {
                dispatch.emit(new OrderEvent.Rejected(id, RejectReason.UNKNOWN_SYMBOL,
                        "Binance USDⓈ-M lists no symbol " + order.symbol(), now()));
                return;
            }
            try {
                binanceOrder = toBinance(order, rules.get());
            } catch (IllegalArgumentException e) {
                dispatch.emit(new OrderEvent.Rejected(id, RejectReason.INVALID_ORDER, e.getMessage(), now()));
                return;
            }
            tracked = new TrackedOrder(id, order.symbol(), order.side(), binanceOrder.quantity());
            orders.put(id, tracked);
        }
        try {
            String refused = prepare(order.symbol());
            if (refused != null) {
                tracker.forget(id);
                dispatch.emit(new OrderEvent.Rejected(id, RejectReason.INVALID_ORDER, refused, now()));
                return;
            }
            if (futures.hedge()) {
                binanceOrder = binanceOrder.withPositionSide(hedgeSide(order));
            }
            OrderState state = client.placeOrder(binanceOrder);
            synchronized (orders) {
                apply(tracked, state);
            }
        } catch (BinanceApiException e) {
            tracker.refusedOnSubmit(id, e, e.code() == -4116 || e.binanceMessage().contains("Duplicate"),
                    rejectReason(e), now(), kind -> failure(e, kind, "order " + id));
        } catch (HostBannedException e) {
            tracker.forget(id);
            throw failure(e, BrokerException.Kind.RATE_LIMITED, "order " + id);
        } catch (UncheckedIOException e) {
            throw failure(e, BrokerException.Kind.OUTCOME_UNKNOWN, "order " + id);
        } catch (RuntimeException e) {
            tracker.forget(id);
            throw failure(e, null, "order " + id);
        }
    }

    /** In hedge mode a SELL against a long closes LONG, a BUY against a short closes SHORT; else it opens. */
    private String hedgeSide(SubmitOrder order) {
        double net = 0;
        for (FuturesPosition p : client.positions(order.symbol())) {
            net += p.positionAmt().doubleValue();
        }
        if (order.side() == Side.SELL) {
            return net > 0 ? "LONG" : "SHORT";
        }
        return net < 0 ? "SHORT" : "LONG";
    }

    static FuturesOrder toBinance(SubmitOrder order, SymbolRules rules) {
        FuturesOrder.Side side = FuturesOrder.Side.valueOf(order.side().name());
        SymbolRules.LotSize lot = order.type() == OrderType.MARKET && rules.marketLotSize() != null
                ? rules.marketLotSize() : rules.lotSize();
        BigDecimal quantity = BinanceBroker.quantity(order.quantity());
        if (lot != null && lot.stepSize().signum() > 0) {
            quantity = quantity.divide(lot.stepSize(), 0, RoundingMode.DOWN).multiply(lot.stepSize()).stripTrailingZeros();
            if (quantity.compareTo(lot.minQty()) < 0 || quantity.signum() == 0) {
                throw new IllegalArgumentException(order.symbol() + " quantity " + order.quantity() + " is below "
                        + lot.filterType() + " minQty " + lot.minQty().toPlainString());
            }
        }
        if (order.type() == OrderType.MARKET) {
            return FuturesOrder.market(order.symbol(), side, quantity, false, order.clientOrderId());
        }
        BigDecimal price = BigDecimal.valueOf(order.limitPrice());
        SymbolRules.PriceFilter tick = rules.priceFilter();
        if (tick != null && tick.tickSize().signum() > 0) {
            price = price.divide(tick.tickSize(), 0, RoundingMode.HALF_EVEN).multiply(tick.tickSize()).stripTrailingZeros();
        }
        return FuturesOrder.limit(order.symbol(), side, quantity, price, order.clientOrderId());
    }

    @Override
    public void cancel(CancelOrder cancel) {
        requireRunning();
        String id = cancel.clientOrderId();
        try {
            OrderState state = client.cancelOrder(cancel.symbol(), id);
            synchronized (orders) {
                TrackedOrder tracked = tracker.track(id, state.symbol(), state.side(), state.origQty());
                tracker.finish(tracked, new OrderEvent.Cancelled(id, state.executedQty().doubleValue(), state.updateTime()));
            }
        } catch (BinanceApiException e) {
            if (e.code() != BinanceApiException.CANCEL_REJECTED && e.code() != BinanceApiException.NO_SUCH_ORDER) {
                throw failure(e, null, "cancel of " + id);
            }
            dispatch.emit(new OrderEvent.CancelRejected(id, e.binanceMessage(), now()));
        } catch (RuntimeException e) {
            throw failure(e, null, "cancel of " + id);
        }
    }

    @Override
    public void replace(ReplaceOrder replace) {
        requireRunning();
        String oldId = replace.clientOrderId();
        String newId = replace.newClientOrderId();
        OrderState cancelled;
        TrackedOrder old;
        try {
            synchronized (orders) {
                old = orders.get(oldId);
                if (old != null) {
                    old.replacing = true;
                }
            }
            cancelled = client.cancelOrder(replace.symbol(), oldId);
        } catch (BinanceApiException e) {
            synchronized (orders) {
                if (orders.get(oldId) != null) {
                    orders.get(oldId).replacing = false;
                }
            }
            if (e.code() != BinanceApiException.CANCEL_REJECTED && e.code() != BinanceApiException.NO_SUCH_ORDER) {
                throw failure(e, null, "replace of " + oldId);
            }
            dispatch.emit(new OrderEvent.CancelRejected(oldId, e.binanceMessage(), now()));
            return;
        } catch (RuntimeException e) {
            throw failure(e, null, "replace of " + oldId);
        }
        BigDecimal open = BinanceBroker.quantity(replace.quantity()).subtract(cancelled.executedQty());
        Side side = Side.valueOf(cancelled.side());
        synchronized (orders) {
            old = tracker.track(oldId, cancelled.symbol(), cancelled.side(), cancelled.origQty());
            old.finished = true;
        }
        if (open.signum() <= 0) {
            dispatch.emit(new OrderEvent.Cancelled(oldId, cancelled.executedQty().doubleValue(), cancelled.updateTime()));
            return;
        }
        FuturesOrder replacement;
        try {
            replacement = toBinance(SubmitOrder.limit(newId, replace.symbol(), side, open.doubleValue(),
                    replace.limitPrice()), rules(replace.symbol()).orElseThrow());
            if (futures.hedge()) {
                replacement = replacement.withPositionSide(hedgeSide(SubmitOrder.market(newId, replace.symbol(), side, 1)));
            }
        } catch (RuntimeException e) {
            dispatch.emit(new OrderEvent.Cancelled(oldId, cancelled.executedQty().doubleValue(), now()));
            return;
        }
        TrackedOrder fresh = new TrackedOrder(newId, replace.symbol(), side, replacement.quantity());
        fresh.accepted = true; // the runtime learns of it through Replaced, not Accepted
        synchronized (orders) {
            orders.put(newId, fresh);
        }
        try {
            OrderState state = client.placeOrder(replacement);
            synchronized (orders) {
                dispatch.emit(new OrderEvent.Replaced(oldId, newId, replace.quantity(), replacement.price().doubleValue(),
                        state.updateTime()));
                apply(fresh, state);
            }
        } catch (BinanceApiException e) {
            // the cancel went through but the new order was refused: the old order is simply cancelled
            tracker.forget(newId);
            LOG.warn("account {}: replace of {} cancelled it but Binance refused the new order: {}", settings.id(),
                    oldId, e.binanceMessage());
            dispatch.emit(new OrderEvent.Cancelled(oldId, cancelled.executedQty().doubleValue(), now()));
        } catch (RuntimeException e) {
            throw failure(e, BrokerException.Kind.OUTCOME_UNKNOWN, "replace of " + oldId);
        }
    }

    private Optional<SymbolRules> rules(String symbol) {
        try {
            return host.exchangeInfo(client).rules(symbol);
        } catch (RuntimeException e) {
            throw failure(e, BrokerException.Kind.NOT_CONNECTED, "exchangeInfo");
        }
    }

    // ------------------------------------------------------------------------------------------ queries

    @Override
    public List<OrderReport> openOrders() {
        requireRunning();
        try {
            return client.openOrders(null).stream().map(s -> OrderReports.of(s, OrderReports.USDM_LIMIT)).toList();
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
        synchronized (prepared) {
            others.addAll(prepared);
        }
        try {
            return tracker.find(clientOrderId, others, client::queryOrder).map(s -> OrderReports.of(s, OrderReports.USDM_LIMIT));
        } catch (RuntimeException e) {
            throw failure(e, null, "order " + clientOrderId);
        }
    }

    /** {@code positionRisk}: signed quantities (negative short); in hedge mode a LONG and a SHORT net out. */
    @Override
    public List<BrokerPosition> positions() {
        requireRunning();
        try {
            Map<String, double[]> net = new java.util.LinkedHashMap<>();
            for (FuturesPosition p : client.positions(null)) {
                double[] n = net.computeIfAbsent(p.symbol(), s -> new double[2]);
                n[0] += p.positionAmt().doubleValue();
                n[1] += p.positionAmt().abs().doubleValue() * p.entryPrice().doubleValue();
            }
            List<BrokerPosition> positions = new ArrayList<>();
            net.forEach((symbol, n) -> {
                if (n[0] != 0) {
                    positions.add(new BrokerPosition(symbol, n[0], n[1] / Math.abs(n[0])));
                }
            });
            return positions;
        } catch (RuntimeException e) {
            throw failure(e, null, "positions");
        }
    }

    /** Liquidation prices, mark prices and the account's margin ratio, for the status view and risk checks. */
    public Status status() {
        requireRunning();
        try {
            FuturesAccount account = client.account();
            List<PositionRisk> risks = client.positions(null).stream().map(p -> new PositionRisk(p.symbol(),
                    p.positionSide(), p.positionAmt().doubleValue(), p.entryPrice().doubleValue(),
                    p.markPrice().doubleValue(), p.liquidationPrice().doubleValue(),
                    p.unrealizedProfit().doubleValue())).toList();
            return new Status(account.marginRatio(), account.marginBalance().doubleValue(),
                    account.availableBalance().doubleValue(), risks);
        } catch (RuntimeException e) {
            throw failure(e, null, "status");
        }
    }

    /** {@link #status()} as the runtime reads it: the margin ratio and each position's liquidation price. */
    @Override
    public Optional<Margin> margin() {
        Status status = status();
        return Optional.of(new Margin(status.marginRatio(), status.positions().stream()
                .map(p -> new Margin.PositionMargin(p.symbol(), p.quantity(), p.markPrice(), p.liquidationPrice()))
                .toList()));
    }

    /** The funding payments passed on since start (amount signed: negative when paid). */
    public List<FundingPayment> fundingPayments() {
        return List.copyOf(funding);
    }

    /**
     * Binance's income history of funding ({@code GET /fapi/v1/income?incomeType=FUNDING_FEE}, weight 30) since
     * {@code sinceMillis}, oldest first, each with its {@code tranId}; paged by time, 1000 rows a page.
     */
    @Override
    public List<Funding> funding(long sinceMillis) {
        requireRunning();
        try {
            List<Funding> payments = new ArrayList<>();
            long from = sinceMillis;
            while (true) {
                List<FundingPayment> page = client.fundingPayments(null, from);
                for (FundingPayment p : page) {
                    if (fundingSeen.add(p.id())) {
                        funding.add(p);
                        LOG.info("account {}: funding {} {} on {}", settings.id(), p.amount().toPlainString(), p.asset(),
                                p.symbol());
                    }
                    payments.add(new Funding(p.id(), p.symbol(), p.amount().doubleValue(), p.asset(), p.time()));
                }
                if (page.size() < UsdmFuturesClient.INCOME_PAGE) {
                    return payments;
                }
                from = page.get(page.size() - 1).time() + 1;
            }
        } catch (RuntimeException e) {
            throw failure(e, null, "funding history");
        }
    }

    @Override
    public Optional<String> baseAsset(String symbol) {
        return rules(symbol).map(SymbolRules::baseAsset);
    }

    /** The futures wallet: {@code free} is what is available for new margin, {@code locked} the rest. */
    @Override
    public List<Balance> balances() {
        requireRunning();
        try {
            List<Balance> balances = new ArrayList<>();
            for (JsonNode b : client.balances()) {
                double total = b.path("balance").asDouble();
                double available = b.path("availableBalance").asDouble();
                balances.add(new Balance(b.path("asset").asText(), available, Math.max(0, total - available)));
            }
            return balances;
        } catch (RuntimeException e) {
            throw failure(e, null, "balances");
        }
    }

    // ------------------------------------------------------------------------------------------ market data

    @Override
    public synchronized void subscribe(Set<String> symbols) {
        Set<String> added = new TreeSet<>(symbols);
        added.removeAll(subscribed);
        if (added.isEmpty()) {
            return;
        }
        if (subscribed.size() + added.size() > MAX_STREAMED_SYMBOLS) {
            throw new IllegalArgumentException("account " + settings.id() + " streams at most " + MAX_STREAMED_SYMBOLS
                    + " futures symbols per connection");
        }
        subscribed.addAll(added);
        if (lifecycle.running()) {
            restartMarketStream();
        }
    }

    @Override
    public synchronized void unsubscribe(Set<String> symbols) {
        if (subscribed.removeAll(symbols) && lifecycle.running()) {
            restartMarketStream();
        }
    }

    /** Aggregate trades from {@code <stream host>/market}; a new stream opens before the old one closes. */
    private void restartMarketStream() {
        MarketStream old = marketStream;
        marketStream = null;
        if (!subscribed.isEmpty()) {
            List<String> streams = subscribed.stream().map(MarketStream::aggTradeStream).toList();
            okhttp3.HttpUrl base = settings.endpoints().streamUrl();
            String path = base.encodedPath();
            okhttp3.HttpUrl market = base.newBuilder().encodedPath((path.endsWith("/") ? path : path + "/") + "market").build();
            marketStream = new MarketStream(host.http(), market, streams, new Market(), host.json(), host.scheduler(),
                    host.timings(), host::alert, host.clock());
            marketStream.start();
        }
        if (old != null) {
            old.close();
        }
    }

    private final class Market implements MarketListener {
        @Override
        public void onTrade(TradeEvent trade) {
            dispatch.emit(new MarketEvent.Trade(trade.symbol(), trade.tradeTime(), trade.price().doubleValue(),
                    trade.quantity().doubleValue()));
        }

        @Override
        public void onGap(long lostAtMillis, long resumedAtMillis) {
            dispatch.connection(true, "futures market stream of " + settings.id() + " resumed after "
                    + (resumedAtMillis - lostAtMillis) + " ms without data");
        }
    }

    // ------------------------------------------------------------------------------------------ user data

    private final class UserData implements FuturesEvents.Listener {
        @Override
        public void onOrderUpdate(FuturesEvents.OrderUpdate u) {
            synchronized (orders) {
                TrackedOrder t = tracker.track(u.clientOrderId(), u.symbol(), u.side(), u.quantity());
                switch (u.executionType()) {
                    case "NEW" -> tracker.accept(t, u.orderId(), u.time());
                    case "TRADE", "CALCULATED" -> {
                        tracker.accept(t, u.orderId(), u.time());
                        tracker.fill(t, u.tradeId(), u.lastQuantity(), u.lastPrice(), u.commission(), u.commissionAsset(),
                                u.time());
                    }
                    case "CANCELED" -> {
                        if (!t.replacing) {
                            tracker.finish(t, new OrderEvent.Cancelled(t.clientOrderId, u.cumulativeQuantity().doubleValue(),
                                    u.time()));
                        }
                    }
                    case "EXPIRED" -> tracker.finish(t, new OrderEvent.Expired(t.clientOrderId,
                            u.cumulativeQuantity().doubleValue(), u.time()));
                    default -> {
                        // AMENDMENT: a modify this adapter does not send
                    }
                }
            }
        }

        /**
         * A FUNDING_FEE balance update: in cross margin it names no symbol, so the payments themselves are read
         * from the income history, whose {@code tranId} books each once (the stream and a reconciliation agree).
         */
        @Override
        public void onAccountUpdate(FuturesEvents.AccountUpdate u) {
            if (u.reason().equals("FUNDING_FEE")) {
                Thread.ofVirtual().name("binance-futures-funding-" + settings.id()).start(() -> {
                    try {
                        for (Funding payment : funding(u.time() - FUNDING_LOOKBACK_MILLIS)) {
                            dispatch.funding(payment);
                        }
                    } catch (RuntimeException e) {
                        // the runtime's next reconciliation reads the income history again
                        LOG.warn("account {}: cannot read the funding just settled: {}", settings.id(), e.getMessage());
                    }
                });
            }
        }

        @Override
        public void onMarginCall(FuturesEvents.MarginCall call) {
            for (FuturesEvents.PositionChange p : call.positions()) {
                host.alert("Binance margin call on account " + settings.id() + ": " + p.symbol() + " " + p.positionSide()
                        + " " + p.amount().toPlainString() + " at mark " + p.markPrice().toPlainString()
                        + ", maintenance margin " + p.maintenanceMargin().toPlainString()
                        + "; add margin or reduce the position before it is liquidated");
            }
        }

        @Override
        public void onGap(long lostAtMillis, long resumedAtMillis) {
            dispatch.connection(true, "futures user data of " + settings.id() + " resumed after "
                    + (resumedAtMillis - lostAtMillis) + " ms; reading working orders from REST");
            Thread.ofVirtual().name("binance-futures-reconcile-" + settings.id()).start(BinanceFuturesBroker.this::reconcile);
        }
    }

    /** Reads each order still working here from REST and passes on what the stream missed. */
    void reconcile() {
        tracker.reconcile(client::queryOrder, client::tradesOfOrder);
    }

    // ------------------------------------------------------------------------------------------ events, once each

    /** A futures REST answer has no trade ids: fills come from the stream (or a reconciliation), never from here. */
    private void apply(TrackedOrder t, OrderState state) {
        tracker.accept(t, state.orderId(), state.updateTime());
        tracker.terminal(t, state);
    }

    // ------------------------------------------------------------------------------------------ mapping

    /** USDⓈ-M error codes: -2019 margin, -2022 reduce-only, -4116 duplicate id, -4164 notional, -1111 precision. */
    static RejectReason rejectReason(BinanceApiException e) {
        return switch (e.code()) {
            case -2019, -2018 -> RejectReason.INSUFFICIENT_FUNDS;
            case -2022 -> RejectReason.INSUFFICIENT_POSITION;
            case -4116 -> RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            case -1111, -1013, -1100, -1102, -4164, -4003, -4014, -4023, -2021 -> RejectReason.INVALID_ORDER;
            case -1121 -> RejectReason.UNKNOWN_SYMBOL;
            case BinanceApiException.TOO_MANY_ORDERS -> RejectReason.RATE_LIMITED;
            default -> RejectReason.OTHER;
        };
    }

    private BrokerException failure(RuntimeException e, BrokerException.Kind kind, String what) {
        return BinanceFailures.failure("Binance account " + settings.id() + " (futures)", e, kind, what);
    }

    private void requireRunning() {
        lifecycle.requireRunning();
    }

    private long now() {
        return host.rest().clock().nowMillis();
    }
}
