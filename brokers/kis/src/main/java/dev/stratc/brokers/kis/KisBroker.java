package dev.stratc.brokers.kis;

import dev.stratc.runtime.broker.BrokerClock;

import dev.stratc.brokers.kis.rest.KisDomesticQuotations;
import dev.stratc.brokers.kis.rest.KisExecution;
import dev.stratc.brokers.kis.rest.KisOrderAck;
import dev.stratc.brokers.kis.rest.KisOrderDivision;
import dev.stratc.brokers.kis.symbols.KrxSymbol;
import dev.stratc.brokers.kis.ws.KisExecutionNotice;
import dev.stratc.brokers.kis.ws.KisRealtimeClient;
import dev.stratc.brokers.kis.ws.KisRealtimeListener;
import dev.stratc.brokers.kis.ws.KisTrade;
import dev.stratc.brokers.kis.ws.RealtimeFrames;
import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.BrokerInfo;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.CancelOrder;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.ReplaceOrder;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.broker.TimeInForce;
import dev.stratc.runtime.broker.TrackedOrders;
import dev.stratc.runtime.market.MarketEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One KIS account behind the runtime's {@link BrokerPort}.
 *
 * <p>KIS has no client order ids, so the adapter keeps the mapping from the runtime's ids to KIS order numbers
 * ({@code ODNO}) for the session; a revision gets a new {@code ODNO}, which is what the runtime's new client id
 * names. Acceptance and rejection come from the order reply; fills come from the execution notices of the
 * real-time socket, which can overtake the order reply and are then held until it arrives. Queries ask KIS
 * (balance, daily orders), never a local cache.
 */
public final class KisBroker implements BrokerPort {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final Duration NOTICE_REGISTRATION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SUBSCRIBE_CONFIRMATION_TIMEOUT = Duration.ofSeconds(5);
    private static final int EARLY_NOTICES_KEPT = 256;

    /** One order as the adapter follows it, with KIS's branch (needed to revise or cancel it). */
    private static final class Tracked extends TrackedOrders.Order {
        String branch;
        double filledValue;

        Tracked(String clientOrderId, String symbol, Side side, OrderType type, long quantity, double limitPrice) {
            super(clientOrderId, symbol, side, type, quantity, limitPrice);
        }
    }

    private final KisSession session;
    private final BrokerClock clock;
    private final KisRealtimeClient.Timing timing;
    private final Path orderBookDir;
    private OrderIdBook orderIds;
    private final Object lock = new Object();
    /** Today's orders by client id and ODNO; notices that overtook their order's reply. */
    private final TrackedOrders<Tracked, KisExecutionNotice> orders = new TrackedOrders<>(EARLY_NOTICES_KEPT,
            this::apply);

    private BrokerListener listener;
    private KisRealtimeClient realtime;
    /** The day's volume of each polled symbol at its previous poll. */
    private final Map<String, Long> polledVolume = new HashMap<>();

    /**
     * @param orderBookDir where the client-id → order-number files live (one per account and trading day), so a
     *                     restarted runtime finds today's orders
     */
    public KisBroker(KisSession session, BrokerClock clock, KisRealtimeClient.Timing timing, Path orderBookDir) {
        this.session = session;
        this.clock = clock;
        this.timing = timing;
        this.orderBookDir = orderBookDir;
    }

    public static KisBroker open(KisAccountConfig config, Path orderBookDir) {
        return new KisBroker(KisSession.open(config), BrokerClock.SYSTEM, KisRealtimeClient.Timing.DEFAULT,
                orderBookDir);
    }

    public KisSession session() {
        return session;
    }

    @Override
    public BrokerInfo info() {
        return new BrokerInfo("KIS", session.config().mode() == KisMode.REAL
                ? BrokerInfo.Environment.LIVE : BrokerInfo.Environment.PAPER, "KRW", streamSlots(),
                KisDomesticQuotations.MULTI_QUOTE_MAX);
    }

    /** The session's slots left for symbols: the execution notices take one when an HTS ID is set. */
    private int streamSlots() {
        return KisRealtimeClient.SESSION_SLOTS - (session.config().htsId().isEmpty() ? 0 : 1);
    }

    @Override
    public void start(BrokerListener newListener) {
        synchronized (lock) {
            if (listener != null) {
                return;
            }
            signIn();
            restoreTodaysOrders();
            KisRealtimeClient client = session.realtime(new Realtime(), timing);
            client.start();
            listener = newListener;
            realtime = client;
        }
        KisAccountConfig config = session.config();
        if (!config.htsId().isEmpty()) {
            realtime.subscribe(config.noticeTrId(), config.htsId());
            boolean registered;
            try {
                registered = realtime.awaitRegistered(config.noticeTrId(), config.htsId(), NOTICE_REGISTRATION_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                registered = false;
            }
            if (!registered) {
                String refusal = realtime.refusal(config.noticeTrId(), config.htsId()).map(r -> " KIS refused them: " + r
                        + ";").orElse(" they were not confirmed within " + NOTICE_REGISTRATION_TIMEOUT.toSeconds() + " s;");
                stop();
                throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, "KIS account " + config.id()
                        + ": execution notices (" + config.noticeTrId() + " for HTS ID " + KisMask.tail(config.htsId())
                        + "):" + refusal + " check hts_id and the WebSocket URL " + config.endpoints().webSocketUrl());
            }
        }
    }

    /** Called with the lock held: today's orders of an earlier process on this account, by their client ids. */
    private void restoreTodaysOrders() {
        String day = LocalDate.ofInstant(clock.now(), KST).toString();
        orderIds = new OrderIdBook(orderBookDir.resolve("orders-" + session.config().id() + "-" + day + ".jsonl"));
        List<OrderIdBook.Entry> entries = orderIds.load().stream()
                .filter(entry -> !orders.isKnown(entry.clientOrderId())).toList();
        if (entries.isEmpty()) {
            return;
        }
        Map<String, KisExecution> onKis = new HashMap<>();
        todaysOrders().forEach(row -> onKis.put(row.orderNo(), row));
        for (OrderIdBook.Entry entry : entries) {
            Tracked tracked = new Tracked(entry.clientOrderId(), entry.symbol(), Side.valueOf(entry.side()),
                    OrderType.valueOf(entry.type()), entry.quantity(), entry.limitPrice());
            tracked.orderNo = entry.orderNo();
            tracked.branch = entry.branch();
            KisExecution row = onKis.get(entry.orderNo());
            if (row != null) { // fills while we were away count, so the next fill's leaves quantity is right
                tracked.filled = row.filledQuantity();
                tracked.filledValue = row.filledQuantity() * row.averageFillPrice().doubleValue();
            }
            orders.restore(tracked);
        }
    }

    private void signIn() {
        try {
            session.tokens().current();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, "interrupted while signing in to KIS", e);
        } catch (KisException e) {
            throw brokerException(e);
        }
    }

    @Override
    public void stop() {
        KisRealtimeClient client;
        synchronized (lock) {
            client = realtime;
            realtime = null;
            listener = null;
        }
        if (client != null) {
            client.close();
        }
    }

    // ---------------------------------------------------------------- commands

    @Override
    public void submit(SubmitOrder order) {
        requireStarted();
        String id = order.clientOrderId();
        Tracked tracked;
        synchronized (lock) {
            if (orders.isKnown(id)) {
                emit(new OrderEvent.Rejected(id, RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                        "client order id " + id + " was already used on KIS account " + session.config().id(), now()));
                return;
            }
            String invalid = invalidReason(order);
            if (invalid != null) {
                emit(new OrderEvent.Rejected(id, RejectReason.INVALID_ORDER, invalid, now()));
                return;
            }
            tracked = new Tracked(id, KrxSymbol.normalize(order.symbol()), order.side(), order.type(),
                    (long) order.quantity(), order.limitPrice());
            orders.add(tracked);
        }
        KisOrderAck ack;
        try {
            KisOrderDivision division = division(order);
            BigDecimal price = order.type() == OrderType.LIMIT ? BigDecimal.valueOf(order.limitPrice()) : null;
            ack = order.side() == Side.BUY
                    ? session.trading().buy(tracked.symbol, tracked.quantity, division, price)
                    : session.trading().sell(tracked.symbol, tracked.quantity, division, price);
        } catch (KisInvalidOrderException e) {
            refuse(tracked, RejectReason.INVALID_ORDER, e.getMessage());
            return;
        } catch (KisOrderRejectedException e) {
            refuse(tracked, e.isRateLimited() ? RejectReason.RATE_LIMITED : reason(e), e.getMessage());
            return;
        } catch (KisApiException | KisAuthException e) {
            synchronized (lock) {
                orders.forget(id);
            }
            throw brokerException(e);
        } catch (KisException e) {
            // The request may have reached KIS; the runtime asks order(id) before doing anything else with it.
            throw new BrokerException(BrokerException.Kind.OUTCOME_UNKNOWN, e.getMessage(), e);
        }
        synchronized (lock) {
            emit(new OrderEvent.Accepted(id, ack.orderNo(), now()));
            follow(tracked, ack);
        }
        remember(tracked);
    }

    private static String invalidReason(SubmitOrder order) {
        if (order.quantity() != Math.rint(order.quantity())) {
            return "KRX trades whole shares; quantity " + order.quantity() + " is not whole";
        }
        if (order.timeInForce() == TimeInForce.GTC) {
            return "KIS orders last one trading day; use DAY or IOC instead of GTC";
        }
        if (!KrxSymbol.isValid(order.symbol())) {
            return "'" + order.symbol() + "' is not a KRX code (6 characters such as 005930)";
        }
        return null;
    }

    private static KisOrderDivision division(SubmitOrder order) {
        boolean ioc = order.timeInForce() == TimeInForce.IOC;
        if (order.type() == OrderType.MARKET) {
            return ioc ? KisOrderDivision.IOC_MARKET : KisOrderDivision.MARKET;
        }
        return ioc ? KisOrderDivision.IOC_LIMIT : KisOrderDivision.LIMIT;
    }

    private void refuse(Tracked tracked, RejectReason reason, String message) {
        synchronized (lock) {
            orders.forget(tracked.clientOrderId);
            emit(new OrderEvent.Rejected(tracked.clientOrderId, reason, message, now()));
        }
    }

    /** KIS's order refusals carry their reason in msg_cd and, reliably, in the Korean message. */
    static RejectReason reason(KisApiException e) {
        String code = e.msgCd();
        String message = e.msg1();
        if (code.equals("APBK0952") || code.equals("APBK0919") || message.contains("주문가능금액")) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (message.contains("매도가능") || message.contains("주문 가능한 수량") || message.contains("잔고")) {
            return RejectReason.INSUFFICIENT_POSITION;
        }
        if (message.contains("종목") && (message.contains("없습니다") || message.contains("오류"))) {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        if (message.contains("장종료") || message.contains("장운영") || message.contains("장시작")) {
            return RejectReason.MARKET_CLOSED;
        }
        if (message.contains("호가단위") || message.contains("상하한가")) {
            return RejectReason.INVALID_ORDER;
        }
        return RejectReason.OTHER;
    }

    @Override
    public void cancel(CancelOrder cancel) {
        requireStarted();
        String id = cancel.clientOrderId();
        Tracked tracked;
        synchronized (lock) {
            tracked = orders.get(id);
            if (tracked == null || tracked.orderNo == null) {
                emit(new OrderEvent.CancelRejected(id, "KIS account " + session.config().id()
                        + " has no acknowledged order " + id, now()));
                return;
            }
        }
        try {
            session.trading().cancel(tracked.branch, tracked.orderNo);
        } catch (KisOrderRejectedException e) {
            emitLocked(new OrderEvent.CancelRejected(id, e.getMessage(), now()));
            return;
        } catch (KisException e) {
            throw brokerException(e);
        }
        emitLocked(new OrderEvent.Cancelled(id, tracked.filled, now()));
    }

    @Override
    public void replace(ReplaceOrder replace) {
        requireStarted();
        String id = replace.clientOrderId();
        Tracked tracked;
        synchronized (lock) {
            tracked = orders.get(id);
            if (tracked == null || tracked.orderNo == null || tracked.type != OrderType.LIMIT) {
                emit(new OrderEvent.CancelRejected(id, "KIS account " + session.config().id()
                        + " has no working limit order " + id, now()));
                return;
            }
            if (orders.isKnown(replace.newClientOrderId())) {
                emit(new OrderEvent.CancelRejected(id, "client order id " + replace.newClientOrderId()
                        + " is already used", now()));
                return;
            }
        }
        long remaining = (long) replace.quantity() - tracked.filled;
        if (remaining <= 0 || replace.quantity() != Math.rint(replace.quantity())) {
            emitLocked(new OrderEvent.CancelRejected(id, "new quantity " + replace.quantity() + " must be whole and"
                    + " above the " + tracked.filled + " already filled", now()));
            return;
        }
        boolean buy = tracked.side == Side.BUY;
        KisOrderAck ack;
        BigDecimal price;
        try {
            price = session.trading().checkedPrice(tracked.symbol, buy, BigDecimal.valueOf(replace.limitPrice()));
            long unchangedRemaining = tracked.quantity - tracked.filled;
            ack = session.trading().revise(tracked.symbol, tracked.branch, tracked.orderNo, KisOrderDivision.LIMIT,
                    remaining == unchangedRemaining ? 0 : remaining, price, buy);
        } catch (KisInvalidOrderException | KisOrderRejectedException e) {
            emitLocked(new OrderEvent.CancelRejected(id, e.getMessage(), now()));
            return;
        } catch (KisException e) {
            throw brokerException(e);
        }
        synchronized (lock) {
            Tracked amended = new Tracked(replace.newClientOrderId(), tracked.symbol, tracked.side, OrderType.LIMIT,
                    remaining, price.doubleValue());
            orders.add(amended);
            emit(new OrderEvent.Replaced(id, amended.clientOrderId, replace.quantity(), price.doubleValue(), now()));
            follow(amended, ack);
            remember(amended);
        }
    }

    // ---------------------------------------------------------------- queries

    @Override
    public List<OrderReport> openOrders() {
        requireStarted();
        List<OrderReport> open = new ArrayList<>();
        for (KisExecution row : todaysOrders()) {
            OrderReport report = report(row, clientIdOf(row.orderNo()));
            if (report.status().isWorking()) {
                open.add(report);
            }
        }
        return open;
    }

    @Override
    public Optional<OrderReport> order(String clientOrderId) {
        requireStarted();
        Tracked tracked;
        synchronized (lock) {
            tracked = orders.get(clientOrderId);
        }
        if (tracked == null || tracked.orderNo == null) {
            return Optional.empty();
        }
        return todaysOrders().stream().filter(row -> row.orderNo().equals(tracked.orderNo)).findFirst()
                .map(row -> report(row, clientOrderId));
    }

    private List<KisExecution> todaysOrders() {
        LocalDate today = LocalDate.ofInstant(clock.now(), KST);
        return call("today's orders", () -> session.trading().executions(today, today));
    }

    private String clientIdOf(String orderNo) {
        synchronized (lock) {
            return orders.clientIdOf(orderNo, "kis-");
        }
    }

    private static OrderReport report(KisExecution row, String clientOrderId) {
        OrderStatus status;
        if (row.filledQuantity() >= row.orderQuantity()) {
            status = OrderStatus.FILLED;
        } else if (row.cancelled() || row.remainingQuantity() == 0) {
            status = OrderStatus.CANCELLED; // cancelled, or replaced by a revision
        } else {
            status = row.filledQuantity() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
        }
        boolean market = row.orderPrice().signum() == 0;
        return new OrderReport(clientOrderId, row.orderNo(), row.symbol(),
                row.side() == KisExecution.Side.BUY ? Side.BUY : Side.SELL,
                market ? OrderType.MARKET : OrderType.LIMIT, row.orderQuantity(),
                market ? Double.NaN : row.orderPrice().doubleValue(), row.filledQuantity(),
                row.filledQuantity() == 0 ? Double.NaN : row.averageFillPrice().doubleValue(), status);
    }

    @Override
    public List<BrokerPosition> positions() {
        requireStarted();
        return call("positions", () -> session.trading().balance().holdings().stream()
                .filter(h -> h.quantity() != 0)
                .map(h -> new BrokerPosition(h.symbol(), h.quantity(), h.averagePrice().doubleValue()))
                .toList());
    }

    @Override
    public List<Balance> balances() {
        requireStarted();
        return call("balances", () -> List.of(new Balance("KRW",
                session.trading().balance().settledDeposit().doubleValue(), 0)));
    }

    /**
     * Returns once KIS confirmed the registrations, or after a few seconds if the socket is reconnecting (they are
     * sent again on connect). Symbols past the session's slots, or that KIS refused, are not streamed: the exception
     * names them, so the caller can poll them instead.
     */
    @Override
    public void subscribe(Set<String> symbols) {
        KisRealtimeClient client = requireStarted();
        List<String> codes = symbols.stream().map(KrxSymbol::normalize).toList();
        List<String> notStreamed = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (String code : codes) {
            try {
                client.subscribe(RealtimeFrames.TRADES, code);
                sent.add(code);
            } catch (KisException full) {
                notStreamed.add(code);
            }
        }
        String reason = notStreamed.isEmpty() ? "" : "the session's " + KisRealtimeClient.SESSION_SLOTS
                + " registrations are taken";
        try {
            for (String code : sent) {
                if (!client.awaitRegistered(RealtimeFrames.TRADES, code, SUBSCRIBE_CONFIRMATION_TIMEOUT)) {
                    Optional<String> refusal = client.refusal(RealtimeFrames.TRADES, code);
                    if (refusal.isPresent()) {
                        notStreamed.add(code);
                        reason = "KIS refused " + refusal.get();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!notStreamed.isEmpty()) {
            throw new BrokerException(BrokerException.Kind.BROKER_ERROR, "KIS account " + session.config().id() + ": "
                    + notStreamed.size() + " symbol(s) not streamed (" + reason + "): " + notStreamed);
        }
    }

    @Override
    public void unsubscribe(Set<String> symbols) {
        KisRealtimeClient client = requireStarted();
        symbols.forEach(symbol -> client.unsubscribe(RealtimeFrames.TRADES, KrxSymbol.normalize(symbol)));
    }

    /**
     * KIS's multi-symbol quote, 30 symbols a request; symbols KIS does not know are left out. A polled symbol has no
     * trade stream, so what traded since its previous poll (the day's volume grew) is also told to the listener as
     * one trade at the last price for the volume in between: its bars are sampled once a polling round.
     */
    @Override
    public List<MarketEvent.Quote> quotes(List<String> symbols) {
        requireStarted();
        long time = now();
        Map<String, dev.stratc.brokers.kis.rest.KisQuote> snapshot = call("quotes",
                () -> session.quotations().prices(symbols));
        List<MarketEvent.Quote> quotes = new ArrayList<>();
        synchronized (lock) {
            for (dev.stratc.brokers.kis.rest.KisQuote q : snapshot.values()) {
                quotes.add(new MarketEvent.Quote(q.symbol(), time, q.bid().doubleValue(), q.bidSize(),
                        q.ask().doubleValue(), q.askSize()));
                Long before = polledVolume.put(q.symbol(), q.volume());
                // a smaller volume is a new day's count: the first poll of a day only sets the baseline
                if (before != null && q.volume() > before && listener != null) {
                    listener.onMarketEvent(new MarketEvent.Trade(q.symbol(), time, q.price().doubleValue(),
                            q.volume() - before));
                }
            }
        }
        return quotes;
    }

    // ---------------------------------------------------------------- events

    private final class Realtime implements KisRealtimeListener {

        @Override
        public void onTrade(KisTrade trade) {
            long time = trade.date().atTime(trade.time()).atZone(KST).toInstant().toEpochMilli();
            synchronized (lock) {
                if (listener != null) {
                    listener.onMarketEvent(new MarketEvent.Trade(trade.symbol(), time, trade.price().doubleValue(),
                            trade.volume()));
                }
            }
        }

        @Override
        public void onNotice(KisExecutionNotice notice) {
            synchronized (lock) {
                orders.notice(notice.orderNo(), notice);
            }
        }

        @Override
        public void onConnected() {
            connection(true, "KIS real-time session open");
        }

        @Override
        public void onDisconnected(String reason, long retryInMillis) {
            connection(false, "KIS real-time session lost (" + reason + "); reconnecting in " + retryInMillis + " ms");
        }

        @Override
        public void onSubscriptionRefused(String trId, String trKey, String msgCd, String message) {
            // not a connection event: subscribe() reports refused symbols to its caller, start() a refused notice
        }

        private void connection(boolean up, String detail) {
            synchronized (lock) {
                if (listener != null) {
                    listener.onConnection(up, detail);
                }
            }
        }
    }

    /**
     * Called with the lock held: from now on notices of {@code ack}'s order number go to {@code tracked}, starting
     * with those that overtook the order reply.
     */
    private void follow(Tracked tracked, KisOrderAck ack) {
        tracked.branch = ack.branch();
        orders.follow(tracked, ack.orderNo());
    }

    private void remember(Tracked tracked) {
        OrderIdBook book;
        synchronized (lock) {
            book = orderIds;
        }
        if (book != null) {
            book.record(new OrderIdBook.Entry(tracked.clientOrderId, tracked.orderNo, tracked.branch, tracked.symbol,
                    tracked.side.name(), tracked.type.name(), tracked.quantity, tracked.limitPrice));
        }
    }

    /** Called with the lock held. */
    private void apply(Tracked tracked, KisExecutionNotice notice) {
        if (notice.rejected()) {
            emit(new OrderEvent.Rejected(tracked.clientOrderId, RejectReason.OTHER,
                    "KRX rejected KIS order " + notice.orderNo(), now()));
            return;
        }
        if (!notice.fill()) {
            return; // acknowledgements of orders, revisions and cancellations: the replies already said so
        }
        tracked.filled += notice.quantity();
        double value = notice.quantity() * notice.price().doubleValue();
        tracked.filledValue += value;
        // KIS's notice carries no fee: the account's commission and, on a sell, the transaction tax (KisFees)
        double fees = session.config().fees().of(value, tracked.side == Side.SELL);
        emit(new OrderEvent.Fill(tracked.clientOrderId, notice.orderNo() + "-" + tracked.filled, tracked.symbol,
                tracked.side, notice.quantity(), notice.price().doubleValue(), fees, tracked.filled,
                tracked.quantity - tracked.filled, now()));
    }

    private void emitLocked(OrderEvent event) {
        synchronized (lock) {
            emit(event);
        }
    }

    /** Called with the lock held; nothing is delivered after stop(). */
    private void emit(OrderEvent event) {
        if (listener != null) {
            listener.onOrderEvent(event);
        }
    }

    private long now() {
        return clock.now().toEpochMilli();
    }

    private KisRealtimeClient requireStarted() {
        synchronized (lock) {
            if (realtime == null) {
                throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, "KIS account "
                        + session.config().id() + " is not started");
            }
            return realtime;
        }
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (KisException e) {
            throw brokerException(e);
        }
    }

    private BrokerException brokerException(KisException e) {
        String message = "KIS account " + session.config().id() + ": " + e.getMessage();
        if (e instanceof KisAuthException) {
            return new BrokerException(BrokerException.Kind.AUTHENTICATION, message, e);
        }
        if (e instanceof KisApiException api) {
            return new BrokerException(api.isRateLimited() ? BrokerException.Kind.RATE_LIMITED
                    : api.isTokenRejected() ? BrokerException.Kind.AUTHENTICATION : BrokerException.Kind.BROKER_ERROR,
                    message, e);
        }
        return new BrokerException(BrokerException.Kind.BROKER_ERROR, message, e);
    }
}
