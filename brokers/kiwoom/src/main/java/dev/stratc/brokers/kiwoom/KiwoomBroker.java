package dev.stratc.brokers.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.stratc.runtime.broker.ScreenSource;
import dev.stratc.runtime.broker.ReplaceOrder;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.broker.TrackedOrders;
import dev.stratc.runtime.broker.TimeInForce;
import dev.stratc.runtime.market.MarketEvent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One Kiwoom account behind the runtime's {@link BrokerPort}.
 *
 * <p>Kiwoom has no client order ids: the adapter maps the runtime's ids to {@code ord_no} in an {@link OrderIdBook}
 * per account and day, so a restarted process knows its orders and refuses a known id. Acceptance and rejection
 * come from the order TR's answer; fills from the {@code 00} (주문체결) notices of the WebSocket, which stream for
 * the token's account and may overtake the order answer (they are then held until it arrives). Queries ask Kiwoom:
 * kt00018 holdings, kt00001 orderable cash, ka10075 open orders, kt00007 the day's orders.
 */
public final class KiwoomBroker implements BrokerPort, ScreenSource {
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);
    private static final int EARLY_KEPT = 256;

    /** An order as the adapter follows it, and the fill numbers its notices carried (each counted once). */
    private static final class Tracked extends TrackedOrders.Order {
        final Set<String> fills = new java.util.HashSet<>();

        Tracked(String clientOrderId, String symbol, Side side, OrderType type, long quantity, double limitPrice) {
            super(clientOrderId, symbol, side, type, quantity, limitPrice);
        }
    }

    private final KiwoomSession session;
    private final KiwoomConditions conditions;
    /** Followed conditions by name. */
    private final Map<String, KiwoomConditions.Condition> following = new HashMap<>();
    private final Path orderBookDir;
    private final Duration socketRetry;
    private final Object lock = new Object();
    /** Today's orders by client id and ord_no; 00 notices that overtook their order's answer. */
    private final TrackedOrders<Tracked, JsonNode> orders = new TrackedOrders<>(EARLY_KEPT, this::apply);
    private OrderIdBook orderIds;
    /** The day's volume of each polled symbol at its previous poll. */
    private final Map<String, Long> polledVolume = new HashMap<>();
    private BrokerListener listener;
    private KiwoomSocket socket;

    public KiwoomBroker(KiwoomSession session, Path orderBookDir, Duration socketRetry) {
        this.session = session;
        this.conditions = new KiwoomConditions(session.config().id());
        this.orderBookDir = orderBookDir;
        this.socketRetry = socketRetry;
    }

    public static KiwoomBroker open(KiwoomConfig config, Path orderBookDir) {
        return new KiwoomBroker(KiwoomSession.open(config), orderBookDir, Duration.ofSeconds(1));
    }

    public KiwoomSession session() {
        return session;
    }

    private String account() {
        return "Kiwoom account " + session.config().id();
    }

    @Override
    public BrokerInfo info() {
        return new BrokerInfo("KIWOOM", session.config().environment() == KiwoomEnvironment.REAL
                ? BrokerInfo.Environment.LIVE : BrokerInfo.Environment.PAPER, "KRW",
                session.config().maxStreamedSymbols(), KiwoomQuotes.MAX_CODES);
    }

    @Override
    public void start(BrokerListener newListener) {
        synchronized (lock) {
            if (listener != null) {
                return;
            }
        }
        KiwoomSocket client = session.socket(new Realtime(), socketRetry);
        try {
            client.start(LOGIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, "interrupted while signing in to Kiwoom", e);
        } catch (KiwoomException e) {
            client.close();
            throw brokerException(e);
        }
        synchronized (lock) {
            listener = newListener;
            socket = client;
            restoreTodaysOrders();
        }
        conditions.attach(client);
        // the account's order and balance notices: item "" — they stream for the token's account
        client.register("00", Set.of(""));
        client.register("04", Set.of(""));
        try {
            if (!client.awaitAcks(LOGIN_TIMEOUT)) {
                stop();
                throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, account() + ": Kiwoom did not confirm"
                        + " the order notices (REG 00/04) within " + LOGIN_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called with the lock held. */
    private void restoreTodaysOrders() {
        String day = LocalDate.ofInstant(session.clock().now(), KST).toString();
        orderIds = new OrderIdBook(orderBookDir.resolve("orders-" + session.config().id() + "-" + day + ".jsonl"));
        List<OrderIdBook.Entry> entries = orderIds.load().stream()
                .filter(e -> !orders.isKnown(e.clientOrderId())).toList();
        if (entries.isEmpty()) {
            return;
        }
        Map<String, KiwoomTrading.OrderRow> onKiwoom = new HashMap<>();
        call(() -> session.trading().todaysOrders()).forEach(r -> onKiwoom.put(r.orderNo(), r));
        for (OrderIdBook.Entry e : entries) {
            Tracked t = new Tracked(e.clientOrderId(), e.symbol(), Side.valueOf(e.side()), OrderType.valueOf(e.type()),
                    e.quantity(), e.limitPrice());
            t.orderNo = e.orderNo();
            KiwoomTrading.OrderRow row = onKiwoom.get(e.orderNo());
            if (row != null) { // what filled while we were away counts towards the next fill's leaves quantity
                t.filled = row.filled();
            }
            orders.restore(t);
        }
    }

    @Override
    public void stop() {
        KiwoomSocket client;
        synchronized (lock) {
            client = socket;
            socket = null;
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
                emit(new OrderEvent.Rejected(id, RejectReason.DUPLICATE_CLIENT_ORDER_ID, "client order id " + id
                        + " was already used on " + account(), now()));
                return;
            }
            String invalid = invalidReason(order);
            if (invalid != null) {
                emit(new OrderEvent.Rejected(id, RejectReason.INVALID_ORDER, invalid, now()));
                return;
            }
            tracked = new Tracked(id, KiwoomNumbers.code(order.symbol()), order.side(), order.type(),
                    (long) order.quantity(), order.limitPrice());
            orders.add(tracked);
        }
        String orderNo;
        try {
            boolean ioc = order.timeInForce() == TimeInForce.IOC;
            KiwoomTrading.TradeType type = order.type() == OrderType.MARKET
                    ? (ioc ? KiwoomTrading.TradeType.MARKET_IOC : KiwoomTrading.TradeType.MARKET)
                    : (ioc ? KiwoomTrading.TradeType.LIMIT_IOC : KiwoomTrading.TradeType.LIMIT);
            BigDecimal price = order.type() == OrderType.LIMIT ? BigDecimal.valueOf(order.limitPrice()) : null;
            orderNo = session.trading().order(order.side() == Side.BUY, tracked.symbol, tracked.quantity, type, price);
        } catch (KiwoomAuthException e) {
            forget(id);
            throw brokerException(e);
        } catch (KiwoomException e) {
            if (e.isTransport()) {
                // it may have reached Kiwoom; the runtime asks order(id) before doing anything else with it
                throw new BrokerException(BrokerException.Kind.OUTCOME_UNKNOWN, account() + ": " + e.getMessage(), e);
            }
            synchronized (lock) {
                orders.forget(id);
                emit(new OrderEvent.Rejected(id, reason(e), e.getMessage(), now()));
            }
            return;
        }
        synchronized (lock) {
            emit(new OrderEvent.Accepted(id, orderNo, now()));
            orders.follow(tracked, orderNo);
        }
        remember(tracked);
    }

    private void forget(String id) {
        synchronized (lock) {
            orders.forget(id);
        }
    }

    private static String invalidReason(SubmitOrder order) {
        if (order.quantity() != Math.rint(order.quantity())) {
            return "KRX trades whole shares; quantity " + order.quantity() + " is not whole";
        }
        if (order.timeInForce() == TimeInForce.GTC) {
            return "Kiwoom orders last one trading day; use DAY or IOC instead of GTC";
        }
        if (!KiwoomNumbers.isKrxCode(KiwoomNumbers.code(order.symbol()))) {
            return "'" + order.symbol() + "' is not a KRX code (6 characters such as 005930)";
        }
        return null;
    }

    /**
     * Kiwoom's order refusals have no published codes for funds, holdings or market hours (reference §6.2): the
     * Korean message tells them apart.
     */
    static RejectReason reason(KiwoomException e) {
        String m = e.getMessage();
        if (e.isRateLimited()) {
            return RejectReason.RATE_LIMITED;
        }
        if (e.code() == 1902 || e.code() == 1901) {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        if (m.contains("증거금") || m.contains("주문가능금액") || m.contains("예수금")) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (m.contains("매도가능") || m.contains("잔고")) {
            return RejectReason.INSUFFICIENT_POSITION;
        }
        if (m.contains("장종료") || m.contains("장운영") || m.contains("장시작") || m.contains("장마감")) {
            return RejectReason.MARKET_CLOSED;
        }
        if (m.contains("호가단위") || m.contains("상한") || m.contains("하한") || e.code() == 1517 || e.code() == 1511) {
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
                emit(new OrderEvent.CancelRejected(id, account() + " has no acknowledged order " + id, now()));
                return;
            }
        }
        try {
            session.trading().cancel(tracked.orderNo, tracked.symbol);
        } catch (KiwoomException e) {
            if (e instanceof KiwoomAuthException || e.isTransport()) {
                throw brokerException(e);
            }
            emitLocked(new OrderEvent.CancelRejected(id, e.getMessage(), now()));
            return;
        }
        synchronized (lock) {
            emit(new OrderEvent.Cancelled(id, tracked.filled, now()));
        }
    }

    @Override
    public void replace(ReplaceOrder replace) {
        requireStarted();
        String id = replace.clientOrderId();
        Tracked tracked;
        synchronized (lock) {
            tracked = orders.get(id);
            if (tracked == null || tracked.orderNo == null || tracked.type != OrderType.LIMIT) {
                emit(new OrderEvent.CancelRejected(id, account() + " has no working limit order " + id, now()));
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
        BigDecimal price = BigDecimal.valueOf(replace.limitPrice());
        String orderNo;
        try {
            orderNo = session.trading().modify(tracked.orderNo, tracked.symbol, remaining, price);
        } catch (KiwoomException e) {
            if (e instanceof KiwoomAuthException || e.isTransport()) {
                throw brokerException(e);
            }
            emitLocked(new OrderEvent.CancelRejected(id, e.getMessage(), now()));
            return;
        }
        Tracked amended = new Tracked(replace.newClientOrderId(), tracked.symbol, tracked.side, OrderType.LIMIT,
                remaining, replace.limitPrice());
        synchronized (lock) {
            orders.add(amended);
            emit(new OrderEvent.Replaced(id, amended.clientOrderId, replace.quantity(), replace.limitPrice(), now()));
            orders.follow(amended, orderNo);
        }
        remember(amended);
    }

    // ---------------------------------------------------------------- queries

    @Override
    public List<OrderReport> openOrders() {
        requireStarted();
        return call(() -> session.trading().openOrders()).stream().map(r -> report(r, clientIdOf(r.orderNo())))
                .filter(r -> r.status().isWorking()).toList();
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
        return call(() -> session.trading().todaysOrders()).stream()
                .filter(r -> r.orderNo().equals(tracked.orderNo)).findFirst().map(r -> report(r, clientOrderId));
    }

    private String clientIdOf(String orderNo) {
        synchronized (lock) {
            return orders.clientIdOf(orderNo, "kiwoom-");
        }
    }

    private static OrderReport report(KiwoomTrading.OrderRow r, String clientOrderId) {
        OrderStatus status;
        if (r.state().contains("거부")) {
            status = OrderStatus.REJECTED;
        } else if (r.filled() >= r.quantity()) {
            status = OrderStatus.FILLED;
        } else if (r.remaining() == 0) {
            status = OrderStatus.CANCELLED; // cancelled, or replaced by a modification
        } else {
            status = r.filled() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
        }
        return new OrderReport(clientOrderId, r.orderNo(), r.symbol(), r.buy() ? Side.BUY : Side.SELL,
                r.market() ? OrderType.MARKET : OrderType.LIMIT, r.quantity(),
                r.market() ? Double.NaN : r.price().doubleValue(), r.filled(),
                r.filled() == 0 ? Double.NaN : r.fillPrice().doubleValue(), status);
    }

    @Override
    public List<BrokerPosition> positions() {
        requireStarted();
        return call(() -> session.trading().holdings()).stream()
                .map(h -> new BrokerPosition(h.symbol(), h.quantity(), h.averagePrice().doubleValue())).toList();
    }

    @Override
    public List<Balance> balances() {
        requireStarted();
        return List.of(new Balance("KRW", call(() -> session.trading().orderableCash()).doubleValue(), 0));
    }

    /**
     * {@code ka10095} for up to 100 symbols: how the pool watches those beyond the session's registrations. A polled
     * symbol has no trade stream, so what traded since its previous poll (the day's volume grew) is told to the
     * listener as one trade at the last price for the volume in between: its bars are sampled once a round.
     */
    @Override
    public List<MarketEvent.Quote> quotes(List<String> symbols) {
        requireStarted();
        long time = now();
        List<KiwoomQuotes.Snapshot> snapshot = call(() -> session.quotes().snapshot(symbols));
        List<MarketEvent.Quote> quotes = new ArrayList<>();
        synchronized (lock) {
            for (KiwoomQuotes.Snapshot s : snapshot) {
                double bid = s.bid() > 0 ? s.bid() : s.price();
                double ask = s.ask() > 0 ? s.ask() : s.price();
                quotes.add(new MarketEvent.Quote(s.symbol(), time, bid, 0, ask, 0));
                Long before = polledVolume.put(s.symbol(), s.volume());
                // a smaller volume is a new day's count: the first poll of a day only sets the baseline
                if (before != null && s.volume() > before && listener != null) {
                    listener.onMarketEvent(new MarketEvent.Trade(s.symbol(), time, s.price(), s.volume() - before));
                }
            }
        }
        return quotes;
    }

    /**
     * Registers {@code 0B} (trades) and {@code 0D} (book) of the symbols up to the session's room
     * ({@code max_streamed_symbols}); the exception names those beyond it, which the pool then polls.
     */
    @Override
    public void subscribe(Set<String> symbols) {
        KiwoomSocket client = requireStarted();
        Set<String> codes = symbols.stream().map(KiwoomNumbers::code).collect(Collectors.toCollection(
                java.util.LinkedHashSet::new));
        int room = session.config().maxStreamedSymbols() - client.registrations("0B");
        List<String> streamed = new ArrayList<>();
        List<String> notStreamed = new ArrayList<>();
        for (String code : codes) {
            (streamed.size() < room ? streamed : notStreamed).add(code);
        }
        if (!streamed.isEmpty()) {
            client.register("0B", Set.copyOf(streamed));
            client.register("0D", Set.copyOf(streamed));
            try {
                client.awaitAcks(Duration.ofSeconds(5)); // while reconnecting, they go out again on LOGIN
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!notStreamed.isEmpty()) {
            throw new BrokerException(BrokerException.Kind.BROKER_ERROR, account() + ": " + notStreamed.size()
                    + " symbol(s) not streamed (the session streams at most " + session.config().maxStreamedSymbols()
                    + "): " + notStreamed);
        }
    }

    @Override
    public void unsubscribe(Set<String> symbols) {
        KiwoomSocket client = requireStarted();
        Set<String> codes = symbols.stream().map(KiwoomNumbers::code).collect(Collectors.toSet());
        client.remove("0B", codes);
        client.remove("0D", codes);
    }

    // ---------------------------------------------------------------- condition search

    /** The account's condition search (조건검색) over its session; the session must be started. */
    public KiwoomConditions conditions() {
        requireStarted();
        return conditions;
    }

    /**
     * Follows the HTS condition {@code name} (ka10171 to find it, ka10173 to follow it): its hits now, then every
     * entry and exit.
     */
    @Override
    public Set<String> follow(String name, java.util.function.BiConsumer<String, Boolean> onChange) {
        requireStarted();
        try {
            KiwoomConditions.Condition condition = conditions.named(name);
            Set<String> now = conditions.follow(condition, onChange);
            synchronized (lock) {
                following.put(name, condition);
            }
            return now;
        } catch (KiwoomException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            throw brokerException(e);
        }
    }

    @Override
    public void unfollow(String name) {
        KiwoomConditions.Condition condition;
        synchronized (lock) {
            condition = following.remove(name);
        }
        if (condition != null) {
            call(() -> {
                conditions.stop(condition);
                return null;
            });
        }
    }

    // ---------------------------------------------------------------- real-time

    private final class Realtime implements KiwoomSocket.Listener {
        @Override
        public void onReal(String type, String item, JsonNode values) {
            switch (type) {
                case "0B" -> trade(item, values);
                case "0D" -> book(item, values);
                case "00" -> notice(values);
                case "02" -> conditions.onRealtime(values);
                default -> {
                    // 04 (잔고) notices: positions() asks kt00018, so they only matter to logs
                }
            }
        }

        @Override
        public void onConditionFrame(String trnm, JsonNode frame) {
            conditions.onFrame(trnm, frame);
        }

        @Override
        public void onLoggedInAgain() {
            // it waits for the socket's answers, so not on the socket's thread
            Thread.ofVirtual().name("kiwoom-conditions-" + session.config().id()).start(conditions::resume);
        }

        @Override
        public void onConnection(boolean up, String detail) {
            synchronized (lock) {
                if (listener != null) {
                    listener.onConnection(up, detail);
                }
            }
        }
    }

    private void trade(String item, JsonNode v) {
        String symbol = KiwoomNumbers.code(item);
        double price = KiwoomNumbers.priceValue(KiwoomJson.text(v, "10"));
        // 15 is signed by who initiated the trade (+ buy, - sell); the size is its absolute value
        double size = Math.abs(KiwoomNumbers.quantity(KiwoomJson.text(v, "15")));
        long time = timeOf(KiwoomJson.text(v, "20"));
        synchronized (lock) {
            if (listener != null && price > 0 && size > 0) {
                listener.onMarketEvent(new MarketEvent.Trade(symbol, time, price, size));
            }
        }
    }

    private void book(String item, JsonNode v) {
        double ask = KiwoomNumbers.priceValue(KiwoomJson.text(v, "41"));
        double bid = KiwoomNumbers.priceValue(KiwoomJson.text(v, "51"));
        if (ask <= 0 || bid <= 0) {
            return;
        }
        MarketEvent.Quote quote = new MarketEvent.Quote(KiwoomNumbers.code(item), timeOf(KiwoomJson.text(v, "21")),
                bid, Math.abs(KiwoomNumbers.quantity(KiwoomJson.text(v, "71"))), ask,
                Math.abs(KiwoomNumbers.quantity(KiwoomJson.text(v, "61"))));
        synchronized (lock) {
            if (listener != null) {
                listener.onMarketEvent(quote);
            }
        }
    }

    /** Today at {@code HHmmss} KST; now when absent or malformed. */
    private long timeOf(String hhmmss) {
        try {
            return LocalDate.ofInstant(session.clock().now(), KST).atTime(LocalTime.parse(hhmmss,
                    DateTimeFormatter.ofPattern("HHmmss"))).atZone(KST).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return now();
        }
    }

    private void notice(JsonNode v) {
        String orderNo = KiwoomNumbers.orderNo(KiwoomJson.text(v, "9203"));
        synchronized (lock) {
            orders.notice(orderNo, v);
        }
    }

    /** Called with the lock held: a {@code 00} notice of a tracked order. */
    private void apply(Tracked t, JsonNode v) {
        String status = KiwoomJson.text(v, "913");
        if (status.contains("거부")) {
            emit(new OrderEvent.Rejected(t.clientOrderId, RejectReason.OTHER, "the exchange refused Kiwoom order "
                    + t.orderNo + KiwoomJson.text(v, "919").transform(r -> r.isBlank() ? "" : ": " + r), now()));
            return;
        }
        long quantity = Math.abs(KiwoomNumbers.quantity(KiwoomJson.text(v, "911")));
        String fillNo = KiwoomJson.text(v, "909").strip();
        if (!status.contains("체결") || quantity == 0 || !t.fills.add(fillNo.isEmpty() ? "n" + t.fills.size()
                : fillNo)) {
            return; // 접수 / 확인 of orders, modifications and cancels: the TR answers said so already
        }
        double price = KiwoomNumbers.priceValue(KiwoomJson.text(v, "910"));
        t.filled += quantity;
        double fee = KiwoomNumbers.signed(KiwoomJson.text(v, "938")).doubleValue()
                + KiwoomNumbers.signed(KiwoomJson.text(v, "939")).doubleValue();
        if (fee == 0) { // the notice carried no fee: the account's commission and, on a sell, the tax
            fee = session.config().fees(quantity * price, t.side == Side.SELL);
        }
        emit(new OrderEvent.Fill(t.clientOrderId, t.orderNo + "-" + (fillNo.isEmpty() ? t.filled : fillNo), t.symbol,
                t.side, quantity, price, fee, t.filled, Math.max(0, t.quantity - t.filled), now()));
    }

    private void remember(Tracked t) {
        OrderIdBook book;
        synchronized (lock) {
            book = orderIds;
        }
        if (book != null) {
            book.record(new OrderIdBook.Entry(t.clientOrderId, t.orderNo, t.symbol, t.side.name(), t.type.name(),
                    t.quantity, t.limitPrice));
        }
    }

    private void emitLocked(OrderEvent event) {
        synchronized (lock) {
            emit(event);
        }
    }

    private void emit(OrderEvent event) {
        if (listener != null) {
            listener.onOrderEvent(event);
        }
    }

    private long now() {
        return session.clock().now().toEpochMilli();
    }

    private KiwoomSocket requireStarted() {
        synchronized (lock) {
            if (socket == null) {
                throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, account() + " is not started");
            }
            return socket;
        }
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (KiwoomException e) {
            throw brokerException(e);
        }
    }

    private BrokerException brokerException(KiwoomException e) {
        String message = account() + ": " + e.getMessage();
        BrokerException.Kind kind = e instanceof KiwoomAuthException ? BrokerException.Kind.AUTHENTICATION
                : e.isRateLimited() ? BrokerException.Kind.RATE_LIMITED
                : e.isTransport() ? BrokerException.Kind.NOT_CONNECTED : BrokerException.Kind.BROKER_ERROR;
        return new BrokerException(kind, message, e);
    }
}
