package dev.stratc.runtime.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.backtest.OrderRule;
import dev.stratc.backtest.StopRule;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.CancelOrder;
import dev.stratc.runtime.broker.Funding;
import dev.stratc.runtime.broker.Margin;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.journal.JournalCorruptException;
import dev.stratc.runtime.journal.JsonLines;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.order.HeldOrders;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.order.OrderManager;
import dev.stratc.runtime.order.OrderState;
import dev.stratc.runtime.order.RetryPolicy;
import dev.stratc.runtime.order.SendAttempts;
import dev.stratc.runtime.order.SubmissionQueue;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountPool;
import dev.stratc.runtime.pool.RequestKind;
import dev.stratc.runtime.pool.RoutingException;
import dev.stratc.runtime.portfolio.Holding;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.runtime.risk.RiskEngine;
import dev.stratc.strategy.AccountChoice;
import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Signal;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.SymbolStrategy;

/**
 * The event-driven core of a run. Market data comes in through {@link #onMarket} (bars are built per symbol at
 * the strategy's timeframe; the strategy is evaluated at each bar close; declarative stops are checked on every
 * price); the orders it decides on pass pre-trade risk, are routed to an account of the pool, journalled and
 * synced, then sent through the broker port; broker events come back through the listener of
 * {@link #listener} and update orders, positions and P&L.
 *
 * <p>One thread drives the engine: it calls {@link #onMarket}, {@link #drain} and {@link #housekeeping}.
 * Brokers may report from other threads; their events wait in a queue until {@link #drain}.
 *
 * <p>Restarts: every decision's client order id is derived from the data position it was taken at, and the
 * journal records where the last fully processed event was. {@link #recover} reads the journal back and applies
 * each state change (orders, events, fills, cash, the orders each account sent) at the data position it was
 * made at, while the data before that point is fed again as warm-up (decisions are not sent), so strategies,
 * routing and sizing see what they saw the first time; {@link #reconcile} then settles what the brokers know
 * and the journal does not.
 */
public final class Engine {
    private final EngineConfig config;
    private final StrategyProgram program;
    private final StrategySettings settings;
    private final AccountPool pool;
    private final RiskEngine risk;
    private final Journal journal;
    private final RunEvents events;
    private final Portfolio portfolio = new Portfolio();
    /** The strategy's own record (strategy.*), kept as the backtester keeps it, from the fills booked here. */
    private final dev.stratc.backtest.TradeLedger ledger = new dev.stratc.backtest.TradeLedger(new LedgerBooks());
    private boolean observeRecord;
    private final OrderManager orders = new OrderManager();
    private final HeldOrders held = new HeldOrders();
    /** Per account and symbol, the working exits the strategy was last told cover the holding. */
    private final Map<String, String> exitsCoveredSaid = new HashMap<>();
    private final Map<String, SymbolSlot> slots = new LinkedHashMap<>();
    private final Queue<Inbound> inbox = new ConcurrentLinkedQueue<>();
    /** Journalled state changes not applied yet: a restarted run applies each at the data position it was made. */
    private final Queue<ObjectNode> pendingHistory = new ArrayDeque<>();
    /** Orders a previous process decided, by the data position they were decided at: settled when it comes again. */
    private final Map<Long, List<String>> journalledDecisions = new HashMap<>();
    /** Accounts whose opening cash the journal holds. */
    private final Set<String> journalledCash = new HashSet<>();
    private final Sink sink = new Sink();
    /** Accounts whose holdings found at the broker are handed to the strategy ({@code adopt_holdings: true}). */
    private final Set<String> adoptingAccounts = new HashSet<>();
    private final Map<String, Optional<String>> baseAssets = new HashMap<>();
    private final SubmissionQueue queue = new SubmissionQueue();
    private final SendAttempts attempts = new SendAttempts();
    private long droppedEntries;
    /** Whether the queue is being worked through (a refusal while sending queues its retry, not a second pass). */
    private boolean pumping;
    /** While reconciling: a rejection found then is history, not a reason to send again. */
    private boolean settling;
    private final long utcOffsetMillis;
    private long lateTrades;
    private long sequence = -1;
    private long resumeAfter = -1;
    /** The first reconciliation waits until the data after this position (what the venue had already seen). */
    private long reconcileAfter = -1;
    /** Whether the periodic schedules (housekeeping, reconciliation) were started, by this process or a warm-up. */
    private boolean scheduled;
    private long clock;
    private LocalDate day;
    private int ordinal;
    private boolean recorded;
    private boolean reconciled;
    private long lastReconcile;
    private long lastHousekeeping;
    /** The earliest end of an open bar: no bar is due before it (plus the grace). */
    private long earliestBarEnd = Long.MAX_VALUE;
    /** How often (market time) timeouts, the kill switch file and reconciliation are looked at. */
    private static final long HOUSEKEEPING_MILLIS = 1_000;

    private record Inbound(String account, OrderEvent event, String connection, boolean up, Funding funding) {
    }

    /** Funding payments booked, by account and the venue's id: each is booked once, pushed or read back. */
    private final Set<String> fundingBooked = new HashSet<>();
    /** When each account joined the run (its first cash record): reconciliation reads funding since then. */
    private final Map<String, Long> accountSince = new HashMap<>();
    /** Margin accounts' last reading (reconciliation, or an entry's risk check) and when (market clock) it was. */
    private final Map<String, Margin> margins = new HashMap<>();
    private final Map<String, Long> marginReadAt = new HashMap<>();
    /** An entry to an account with {@code max_margin_ratio} reads the margin again when the last is older. */
    private static final long MARGIN_FRESH_MILLIS = 5_000;

    public Engine(EngineConfig config, StrategyProgram program, StrategySettings settings, AccountPool pool,
                  RiskEngine risk, Journal journal, RunEvents events) {
        this.config = config;
        this.program = program;
        this.settings = settings;
        this.pool = pool;
        this.risk = risk;
        this.journal = journal;
        this.events = events;
        this.utcOffsetMillis = config.zone().getRules().getOffset(Instant.now()).getTotalSeconds() * 1000L;
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    public OrderManager orders() {
        return orders;
    }

    public RiskEngine risk() {
        return risk;
    }

    public AccountPool pool() {
        return pool;
    }

    /** The data position of the last event processed. */
    public long sequence() {
        return sequence;
    }

    /** Where a replayed feed resumes after a restart: events at or before it are warm-up. */
    public long resumeAfter() {
        return resumeAfter;
    }

    public long clock() {
        return clock;
    }

    /** Trades that came after their bar had closed (past its grace): left out of the bar, reported in the status. */
    public long lateTrades() {
        return lateTrades;
    }

    /** The listener to start an account's broker with: its events are queued for {@link #drain}. */
    public BrokerListener listener(Account account) {
        return new BrokerListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                inbox.add(new Inbound(account.id(), event, null, false, null));
            }

            @Override
            public void onMarketEvent(MarketEvent event) {
                // market data reaches the engine through the bus, not per account
            }

            @Override
            public void onConnection(boolean up, String detail) {
                inbox.add(new Inbound(account.id(), null, detail, up, null));
            }

            @Override
            public void onFunding(Funding funding) {
                inbox.add(new Inbound(account.id(), null, null, true, funding));
            }
        };
    }

    // ---------------------------------------------------------------- start: cash, recovery, reconciliation

    /**
     * Moves the market clock forward without an event: a replay starts at its data's first time, a run on
     * brokers follows the wall clock while the market is quiet (timeouts and reconciliation go by it).
     */
    public void advanceClock(long time) {
        clock = Math.max(clock, time);
        closeDueBars(false);
    }

    /**
     * Closes every bar whose end (plus the grace for late trades) the market clock has passed, in symbol order:
     * a quiet symbol gets its close on time, not when its next trade comes.
     */
    private void closeDueBars(boolean warm) {
        long grace = config.barGrace().toMillis();
        if (clock - grace < earliestBarEnd) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (SymbolSlot slot : slots.values()) {
            if (slot.bars.dueBy(clock, grace)) {
                closeBar(slot, warm);
            }
            earliest = Math.min(earliest, slot.bars.openEnd());
        }
        earliestBarEnd = earliest;
    }

    /** Cancels every working order (a clean stop, unless the run is told to keep them). */
    public void cancelAll() {
        for (ManagedOrder order : orders.working()) {
            cancel(order);
        }
        // the run is stopping: cancels still waiting for a request budget go now, within a few seconds
        long deadline = System.nanoTime() + 3_000_000_000L;
        for (SubmissionQueue.Waiting waiting : queue.inOrder()) {
            Account account = pool.account(waiting.order().account());
            if (waiting.kind() == SubmissionQueue.Kind.CANCEL && account != null) {
                queue.remove(waiting);
                account.acquire(RequestKind.CANCEL, Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
                sendCancel(waiting.order(), account);
            }
        }
        drain();
    }

    /** Opens an account whose holdings found at the broker stay outside the strategy. */
    public void openAccount(String account, double cash) {
        openAccount(account, cash, false);
    }

    /**
     * Records an account's cash (its quote currency's free balance) at the first start of a run; a restart
     * keeps the journalled figure.
     *
     * @param adoptHoldings whether holdings found at the broker that this run did not open are handed to the
     *                      strategy ({@code adopt_holdings: true} in accounts.yaml); otherwise they are held
     *                      outside the strategy and never traded by it
     */
    public void openAccount(String account, double cash, boolean adoptHoldings) {
        Account known = pool.account(account);
        if (known != null) {
            portfolio.setCurrency(account, known.info().currency());
        }
        if (adoptHoldings) {
            adoptingAccounts.add(account);
        }
        // once journalled, an account's cash is the journal's: the broker's figure now may already include fills
        // the journal learns of only at reconciliation, and taking it would count them twice
        if (!portfolio.accounts().contains(account) && !journalledCash.contains(account)) {
            journalledCash.add(account);
            accountSince.putIfAbsent(account, clock);
            portfolio.setCash(account, cash);
            ObjectNode record = JsonLines.record("cash");
            record.put("amount", cash).put("currency", portfolio.currency(account)).put("seq", sequence);
            write(account, record);
        }
    }

    /**
     * Rebuilds the run from its journal. Every journalled change (orders, their events, cash, fills, position
     * adjustments, the orders each account sent) is applied as a replayed feed passes the data position it was
     * made at, so during the replay the books, the orders and what routing compares are what they were at that
     * point of the first run; {@link #applyHistory()} applies them at once when nothing is replayed. Each torn
     * journal tail that recovery moved aside is reported once.
     */
    public void recover(Journal.Replay replay) {
        for (JsonLines.Repair repair : replay.repairs()) {
            events.warning(repair.describe());
        }
        for (ObjectNode record : replay.records()) {
            switch (record.path("type").asText()) {
                case "intent", "submitted", "rejectedLocally", "event", "adjust", "cancelRequested" -> {
                    pendingHistory.add(record);
                    // the first reconciliation comes after the last position the killed process journalled at
                    reconcileAfter = Math.max(reconcileAfter, record.path("seq").asLong(-1));
                }
                case "cash" -> {
                    journalledCash.add(record.path("account").asText());
                    pendingHistory.add(record);
                }
                case "outside", "dust", "dayStart" -> pendingHistory.add(record);
                case "funding" -> {
                    // known at once: a payment the broker pushes again before the history is applied is not new
                    fundingBooked.add(record.path("account").asText() + " " + record.path("id").asText());
                    pendingHistory.add(record);
                }
                case "checkpoint" -> resumeAfter = Math.max(resumeAfter, record.path("seq").asLong());
                default -> {
                    // signals, refusals, notes: for people and jq, not for state
                }
            }
        }
    }

    /**
     * The venue already applied the data up to {@code seq} before this restart (the simulated exchange keeps its
     * own journal): the events after the warm-up up to there (and up to the last one the journal has records of)
     * are processed as the first run did, with the fills the venue made at them delivered again, and the first
     * reconciliation waits until after them, so it does not book at an early position what happened later.
     */
    public void venueAppliedUpTo(long seq) {
        reconcileAfter = Math.max(reconcileAfter, seq);
    }

    /** Applies every journalled change not applied yet (a restart with no replay, or warm-up done). */
    public void applyHistory() {
        while (!pendingHistory.isEmpty()) {
            applyHistory(pendingHistory.poll());
        }
        // those of events already processed are settled by the reconciliation that follows; those of events still
        // ahead are kept for their own event: the reconciliation leaves such orders to be decided again, and when
        // the strategy does not decide them again (an exit already working), settleJournalledDecisions sends them
        // there, as the first run did, instead of a later reconciliation finding them too old and dropping them
        journalledDecisions.keySet().removeIf(decidedAt -> decidedAt <= sequence);
    }

    private void applyHistoryUpTo(long seq) {
        while (!pendingHistory.isEmpty() && pendingHistory.peek().path("seq").asLong(-1) <= seq) {
            applyHistory(pendingHistory.poll());
        }
    }

    private void applyHistory(ObjectNode record) {
        try {
            applyRecord(record);
        } catch (IllegalStateException | NullPointerException | ClassCastException e) {
            // e.g. an order journalled twice (two runs wrote one journal) or an event for an order never journalled
            throw new JournalCorruptException("journal record " + record.path("n").asLong() + " ("
                    + record.path("type").asText() + " " + record.path("id").asText(record.path("clientOrderId")
                    .asText()) + " of " + record.path("account").asText() + ", " + Instant.ofEpochMilli(
                    record.path("time").asLong()) + ") does not fit the records before it"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; the journal was edited or "
                    + "written by two runs at once. Restore the state directory from a copy, or start with a new "
                    + "--state-dir.");
        }
    }

    private void applyRecord(ObjectNode record) {
        String account = record.path("account").asText();
        long time = record.path("time").asLong();
        rollDay(time);
        switch (record.path("type").asText()) {
            case "intent" -> {
                OrderIntent intent = Records.intent(record);
                orders.add(intent, account, time, record.path("price").asDouble(Double.NaN),
                        record.path("opens").asBoolean());
                journalledDecisions.computeIfAbsent(intent.sequence(), k -> new ArrayList<>())
                        .add(intent.clientOrderId());
            }
            case "submitted" -> {
                ManagedOrder order = orders.get(record.path("id").asText());
                boolean first = order.state() == OrderState.NEW;
                orders.submitted(order, time);
                Account owner = pool.account(account);
                if (first) {
                    // counted as when it was sent: routing compares orders sent, risk limits trades per day
                    risk.sent(order.intent(), time);
                    if (owner != null) {
                        owner.countRecoveredOrder();
                    }
                }
            }
            case "rejectedLocally" -> orders.rejectLocally(orders.get(record.path("id").asText()), time);
            case "cancelRequested" -> orders.cancelRequested(orders.get(record.path("id").asText()));
            case "cash" -> {
                accountSince.putIfAbsent(account, time);
                portfolio.setCash(account, record.path("amount").asDouble());
            }
            case "funding" -> applyFunding(account, record.path("symbol").asText(), record.path("amount").asDouble(),
                    record.path("asset").asText());
            case "adjust" -> applyAdjustment(account, record);
            case "outside" -> portfolio.setOutside(account, record.path("symbol").asText(),
                    record.path("quantity").asDouble());
            case "dust" -> {
                if (record.path("moved").asBoolean()) {
                    portfolio.moveToDust(account, record.path("symbol").asText(),
                            record.path("price").asDouble(Double.NaN));
                } else {
                    portfolio.setDust(account, record.path("symbol").asText(), record.path("quantity").asDouble());
                }
            }
            case "dayStart" -> portfolio.setDayStartEquity(account, record.path("equity").asDouble());
            case "event" -> {
                OrderManager.Outcome outcome = orders.apply(Records.event(record), time);
                if (outcome.isFill()) {
                    bookFill(account, outcome.fill());
                }
            }
            default -> throw new IllegalStateException("not a state record: " + record);
        }
    }

    /** A position set to the broker's figure: no trade, so no cash moves (the broker's cash already shows it). */
    private void applyAdjustment(String account, ObjectNode record) {
        String symbol = record.path("symbol").asText();
        portfolio.adjust(account, symbol, record.path("quantity").asDouble(), record.path("price").asDouble(Double.NaN),
                record.path("time").asLong(), barIndex(symbol));
    }

    /**
     * Settles every difference between the run's books and the brokers': orders the journal has as unfinished
     * are looked up by client order id (an order the broker never received is sent again while it is recent,
     * otherwise dropped); fills the journal missed are booked; then each account's positions are compared, and
     * a difference is reported and the broker's figure adopted. Every difference is journalled and reported.
     */
    public void reconcile() {
        reconcile(false);
    }

    /** @param periodic whether this is the periodic reconciliation, which moves its schedule on */
    private void reconcile(boolean periodic) {
        applyHistory();
        drain();
        for (ManagedOrder order : orders.working()) {
            Account account = pool.account(order.account());
            if (account == null) {
                events.warning("order " + order.clientOrderId() + " belongs to account " + order.account()
                        + ", which is no longer in the pool; it is left as it is");
                continue;
            }
            try {
                settle(order, account);
            } catch (BrokerException e) {
                account.failed(e.getMessage());
                events.warning("cannot reconcile order " + order.clientOrderId() + " with " + account.id() + ": "
                        + e.getMessage());
            }
        }
        drain();
        for (Account account : pool.accounts()) {
            if (config.mode() == RunMode.DRY_RUN && !portfolio.accounts().contains(account.id())) {
                continue;
            }
            try {
                comparePositions(account);
            } catch (BrokerException e) {
                account.failed(e.getMessage());
                events.warning("cannot read positions of " + account.id() + ": " + e.getMessage());
            }
        }
        for (Account account : pool.accounts()) {
            try {
                readMargin(account);
            } catch (BrokerException e) {
                events.warning("cannot read the margin of " + account.id() + ": " + e.getMessage());
            }
            Long since = accountSince.get(account.id());
            if (since == null) {
                continue;
            }
            try {
                for (Funding funding : account.broker().funding(since)) {
                    bookFunding(account.id(), funding);
                }
            } catch (BrokerException e) {
                account.failed(e.getMessage());
                events.warning("cannot read the funding payments of " + account.id() + ": " + e.getMessage());
            }
        }
        if (!reconciled) {
            reportHoldings();
        }
        reconciled = true;
        if (periodic || !scheduled) {
            // a restart's reconciliation leaves the schedule where the first run had it
            scheduled = true;
            lastReconcile = clock;
        }
        // a restart may find today's loss already past the limit: it is rebuilt from the journal and the broker
        checkDailyLoss();
        checkpoint();
    }

    private void settle(ManagedOrder order, Account account) {
        settling = true;
        try {
            settleOrder(order, account);
        } finally {
            settling = false;
        }
    }

    private void settleOrder(ManagedOrder order, Account account) {
        var report = account.broker().order(order.clientOrderId());
        if (report.isEmpty()) {
            if (order.intent().sequence() > sequence) {
                // decided at an event not yet processed again: the engine will decide it again and send it then
                return;
            }
            if (order.state() == OrderState.NEW || order.state() == OrderState.SUBMITTED) {
                // counted from when the run decided (NEW) or sent (SUBMITTED) it, not from the bar it was decided
                // on: a bar's decision is taken at the first trade after the bar, which may be well past its time
                if (clock - order.stateSince() <= config.resendWindow().toMillis()) {
                    note(order.account(), "resend", order.clientOrderId(),
                            "the broker never received the order; sending it again with the same id");
                    submit(order, clock);
                } else {
                    orders.rejectLocally(order, clock);
                    note(order.account(), "rejectedLocally", order.clientOrderId(),
                            "the broker never received the order and it is too old to send after a restart");
                    events.warning("order " + order.clientOrderId() + " never reached " + account.id()
                            + " and is dropped: " + (order.state() == OrderState.NEW ? "decided " : "sent ")
                            + Instant.ofEpochMilli(order.stateSince()));
                }
            } else {
                events.warning("order " + order.clientOrderId() + " is " + order.state() + " in the journal but "
                        + account.id() + " does not know it");
            }
            return;
        }
        OrderReport broker = report.get();
        if (order.state() == OrderState.NEW) {
            // the process died between sending the order and journalling that it did: the broker's copy proves it
            foundSent(order, account, "found at " + account.id() + " at reconciliation");
        }
        if (order.state() == OrderState.SUBMITTED) {
            handle(account.id(), new OrderEvent.Accepted(order.clientOrderId(), broker.brokerOrderId(), clock));
        }
        double missing = broker.filledQuantity() - order.filledQuantity();
        if (missing > 1e-12) {
            double price = (broker.averageFillPrice() * broker.filledQuantity()
                    - (order.filledQuantity() == 0 ? 0 : order.averageFillPrice() * order.filledQuantity())) / missing;
            OrderEvent.Fill fill = new OrderEvent.Fill(order.clientOrderId(),
                    "reconciled:" + order.clientOrderId() + ":" + broker.filledQuantity(), order.intent().symbol(),
                    order.intent().side(), missing, price, 0, broker.filledQuantity(), broker.remainingQuantity(), clock);
            events.warning("order " + order.clientOrderId() + ": " + account.id() + " reports " + missing
                    + " more filled than the journal; booked at " + price);
            handle(account.id(), fill);
        }
        OrderState expected = OrderManager.stateOf(broker);
        if (expected.isTerminal() && !order.state().isTerminal()) {
            handle(account.id(), switch (expected) {
                case REJECTED -> new OrderEvent.Rejected(order.clientOrderId(),
                        RejectReason.OTHER, "rejected (found at reconciliation)", clock);
                case EXPIRED -> new OrderEvent.Expired(order.clientOrderId(), broker.filledQuantity(), clock);
                case CANCELLED -> new OrderEvent.Cancelled(order.clientOrderId(), broker.filledQuantity(), clock);
                default -> new OrderEvent.Fill(order.clientOrderId(), "reconciled-end:" + order.clientOrderId(),
                        order.intent().symbol(), order.intent().side(), 0, broker.averageFillPrice(), 0,
                        broker.filledQuantity(), 0, clock);
            });
        }
    }

    /** An order the journal has as not sent that reached the broker: counted as sent, as when it was. */
    private void foundSent(ManagedOrder order, Account account, String how) {
        orders.submitted(order, clock);
        account.countRecoveredOrder();
        risk.sent(order.intent(), clock);
        note(order.account(), "submitted", order.clientOrderId(), how);
    }

    /**
     * Compares an account's holdings at the broker with the run's books, symbol by symbol. What the broker holds
     * beyond the strategy's position (and its dust) was not opened by this run: it is held outside the
     * strategy, never traded by it, unless the account adopts holdings. When the broker holds less than the
     * books, the position is set down to the broker's figure. Symbols with a working order are left until it
     * finishes (a fill may be on its way). Every change is journalled and reported.
     */
    private void comparePositions(Account account) {
        String id = account.id();
        Map<String, BrokerPosition> theirs = new HashMap<>();
        for (BrokerPosition position : account.broker().positions()) {
            theirs.put(position.symbol(), position);
        }
        Set<String> symbols = new LinkedHashSet<>(theirs.keySet());
        portfolio.openPositions(id).forEach(p -> symbols.add(p.symbol()));
        portfolio.holdings(id).forEach(h -> symbols.add(h.symbol()));
        for (String symbol : symbols) {
            if (orders.working().stream().anyMatch(o -> o.account().equals(id) && o.intent().symbol().equals(symbol))) {
                continue;
            }
            BrokerPosition broker = theirs.get(symbol);
            double held = broker == null ? 0 : broker.quantity();
            double price = broker != null && !Double.isNaN(broker.averagePrice()) ? broker.averagePrice()
                    : portfolio.lastPrice(symbol);
            double ours = portfolio.position(id, symbol).quantity();
            double dust = portfolio.dust(id, symbol);
            double expected = ours + dust;
            boolean covers = Math.abs(expected) < 1e-12
                    || (Math.signum(held) == Math.signum(expected) && Math.abs(held) >= Math.abs(expected) - 1e-9);
            if (covers) {
                double beyond = Math.abs(held - expected) < 1e-9 ? 0 : held - expected;
                if (adoptingAccounts.contains(id) && beyond != 0) {
                    events.note("account " + id + ": " + fmt(beyond) + " " + symbol + " found at the broker are "
                            + "handed to the strategy (adopt_holdings: true)");
                    adjustPosition(id, symbol, ours + beyond, price, ours);
                    beyond = 0;
                }
                if (Math.abs(beyond - portfolio.outside(id, symbol)) > 1e-9) {
                    if (reconciled) {
                        events.note("account " + id + " now holds " + fmt(beyond) + " " + symbol
                                + " outside the strategy (was " + fmt(portfolio.outside(id, symbol)) + ")");
                    }
                    recordOutside(id, symbol, beyond);
                }
            } else {
                double keptDust = Math.signum(dust) == Math.signum(held) ? Math.signum(held)
                        * Math.min(Math.abs(dust), Math.abs(held)) : 0;
                double position = held - keptDust;
                events.warning("account " + id + " holds " + fmt(held) + " " + symbol + " at the broker but the"
                        + " strategy's books have " + fmt(expected) + "; the position is set to the broker's "
                        + fmt(position) + " (sold or moved outside this run?)");
                adjustPosition(id, symbol, position, price, ours);
                if (keptDust != dust) {
                    recordDust(id, symbol, keptDust);
                }
                if (portfolio.outside(id, symbol) != 0) {
                    recordOutside(id, symbol, 0);
                }
            }
        }
    }

    private void adjustPosition(String account, String symbol, double quantity, double price, double was) {
        ObjectNode record = JsonLines.record("adjust");
        record.put("symbol", symbol).put("quantity", quantity).put("was", was).put("seq", sequence);
        if (!Double.isNaN(price)) {
            record.put("price", price);
        }
        write(account, record);
        applyAdjustment(account, record);
    }

    private void recordOutside(String account, String symbol, double quantity) {
        ObjectNode record = JsonLines.record("outside");
        record.put("symbol", symbol).put("quantity", quantity).put("seq", sequence);
        write(account, record);
        portfolio.setOutside(account, symbol, quantity);
    }

    private void recordDust(String account, String symbol, double quantity) {
        ObjectNode record = JsonLines.record("dust");
        record.put("symbol", symbol).put("quantity", quantity).put("seq", sequence);
        write(account, record);
        portfolio.setDust(account, symbol, quantity);
    }

    /** The holdings the strategy does not trade, said once when a run starts (the status repeats them). */
    private void reportHoldings() {
        for (Holding holding : portfolio.holdings()) {
            events.note("account " + holding.account() + " holds " + fmt(holding.quantity()) + " "
                    + holding.symbol() + " " + holding.kind().description() + ": never traded by the strategy"
                    + (holding.kind() == Holding.Kind.OUTSIDE ? "; counts toward the exposure limits"
                    + (adoptingAccounts.contains(holding.account()) ? ""
                    : " (adopt_holdings: true in accounts.yaml hands such holdings to the strategy)") : "")
                    + (holding.priced() ? "" : "; no price known yet, counted as 0"));
        }
    }

    /** A quantity as people write it: {@code 100}, {@code 0.00999} (to eight decimals, the finest coin unit). */
    private static String fmt(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(8, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    // ---------------------------------------------------------------- market data

    /** Processes the market event at data position {@code seq}; positions already processed are skipped. */
    public void onMarket(long seq, MarketEvent event) {
        if (seq <= sequence) {
            return;
        }
        // group commit: the event's records go out in one write per file, or earlier with the sync before an order
        journal.hold();
        try {
            process(seq, event);
        } finally {
            journal.release();
        }
    }

    private void process(long seq, MarketEvent event) {
        boolean warm = seq <= resumeAfter;
        if (!warm && !reconciled && seq > reconcileAfter) {
            reconcile();
        }
        if (warm && !scheduled) {
            // the first run reconciled here: the periodic schedules go on from the same point
            scheduled = true;
            lastReconcile = clock;
        }
        sequence = seq;
        clock = Math.max(clock, event.time());
        rollDay(event.time());
        applyHistoryUpTo(seq);
        if (!warm) {
            // fills the venue made on this very event are booked before the strategy looks at its position
            drain();
        }
        ordinal = 0;
        closeDueBars(warm);
        SymbolSlot slot = slot(event.symbol());
        switch (event) {
            case MarketEvent.Trade trade -> {
                if (slot.bars.closesBefore(trade.time())) {
                    closeBar(slot, warm);
                }
                if (!slot.bars.trade(trade.time(), trade.price(), trade.size())) {
                    lateTrades++;
                }
                barOpened(slot);
                mark(slot, trade.price());
                if (held.any(slot.symbol)) {
                    applyHeld(slot, warm, trade.time(), h -> OrderRule.onTrade(h.request().type(),
                            h.request().side() == OrderRequest.Side.BUY, h.request().limitPrice(),
                            h.request().stopPrice(), h.triggered(), trade.price()));
                }
                if (!warm) {
                    watchStops(slot, (stops, position) -> StopRule.onTrade(stops, position.quantity(),
                            position.entryPrice(), position.bestPrice(), position.entryTime(), trade.price(),
                            trade.time()));
                }
            }
            case MarketEvent.Quote quote -> {
                slot.bars.quote(quote.bid(), quote.ask());
                if (!warm) {
                    // a polled symbol's ticks are quotes: a long's stop is watched on the bid it would sell at
                    watchStops(slot, (stops, position) -> {
                        double price = position.quantity() > 0 ? quote.bid() : quote.ask();
                        return price > 0 ? StopRule.onTrade(stops, position.quantity(), position.entryPrice(),
                                position.bestPrice(), position.entryTime(), price, quote.time()) : null;
                    });
                }
            }
            case MarketEvent.Bar bar -> {
                if (slot.bars.closesBefore(bar.time() - 1)) {
                    closeBar(slot, warm);
                }
                if (held.any(slot.symbol)) {
                    // the run's held orders first, as the backtester fills its resting orders before the stops
                    applyHeld(slot, warm, bar.time(), h -> OrderRule.onBar(h.request().type(),
                            h.request().side() == OrderRequest.Side.BUY, h.request().limitPrice(),
                            h.request().stopPrice(), h.triggered(), bar.open(), bar.high(), bar.low()));
                    if (!warm) {
                        drain();
                    }
                }
                if (!warm) {
                    // the whole bar at once, by the backtester's rule: a gap at the open, else the stop's level
                    watchStops(slot, (stops, position) -> StopRule.onBar(stops, position.quantity(),
                            position.entryPrice(), position.bestPrice(), position.entryTime(), bar.open(), bar.high(),
                            bar.low(), bar.close(), bar.time()));
                    // a stop filled within this bar is booked before the strategy looks at its position
                    drain();
                }
                boolean rising = bar.close() >= bar.open();
                mark(slot, bar.open());
                mark(slot, rising ? bar.low() : bar.high());
                mark(slot, rising ? bar.high() : bar.low());
                mark(slot, bar.close());
                if (slot.bars.venueBar(bar)) {
                    closeBar(slot, warm);
                }
                barOpened(slot);
            }
        }
        if (warm) {
            keepSchedules();
        } else {
            settleJournalledDecisions(seq);
            drain();
            pump();
            if (clock - lastHousekeeping >= HOUSEKEEPING_MILLIS) {
                lastHousekeeping = clock;
                housekeeping();
            }
            if (recorded) {
                checkpoint();
            }
        }
    }

    /** During a warm-up: moves the periodic schedules on exactly as the first run's housekeeping did. */
    private void keepSchedules() {
        if (clock - lastHousekeeping >= HOUSEKEEPING_MILLIS) {
            lastHousekeeping = clock;
            if (clock - lastReconcile >= config.reconcileEvery().toMillis()) {
                lastReconcile = clock;
            }
        }
        journalledDecisions.remove(sequence);
    }

    /**
     * Orders a killed process decided at this very event and may not have sent, or whose answer it never saw,
     * are settled now, where the first run sent them: a decision the strategy takes again is settled by
     * {@link #execute}; this catches those it does not reach again (a stop exit skipped because the exit it
     * decided last time is already working).
     */
    private void settleJournalledDecisions(long seq) {
        if (journalledDecisions.isEmpty()) {
            return;   // every event of a run past its recovery: no boxing of the sequence on the tick path
        }
        List<String> decided = journalledDecisions.remove(seq);
        if (decided == null) {
            return;
        }
        for (String id : decided) {
            resendIfLost(orders.get(id));
        }
    }

    private SymbolSlot slot(String symbol) {
        SymbolSlot slot = slots.get(symbol);
        if (slot == null) {
            SymbolStrategy strategy = program.newInstance(symbol, settings);
            if (strategy instanceof dev.stratc.strategy.StrategyRecord.Reader reader) {
                reader.bindRecord(ledger);
                observeRecord |= reader.readsRecord();
            }
            int declared = program.info().warmupBars();
            slot = new SymbolSlot(symbol, strategy, declared >= 0 ? declared : strategy.warmupBars(),
                    config.timeframe(), utcOffsetMillis);
            slots.put(symbol, slot);
        }
        return slot;
    }

    private int barIndex(String symbol) {
        SymbolSlot slot = slots.get(symbol);
        return slot == null ? -1 : slot.bars.bar().index();
    }

    /**
     * The strategy's bar a fill at {@code time} happened in. A fill at a bar's first price (the open, where an
     * order decided at the previous close fills) is booked before that bar has begun in the bar builder: it belongs
     * to the coming bar, as in a backtest, so that bars_since_entry counts the same.
     */
    private int fillBar(String symbol, long time) {
        SymbolSlot slot = slots.get(symbol);
        return slot == null ? -1 : barIndexAt(slot, time);
    }

    private void rollDay(long time) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(time), config.zone());
        if (day == null) {
            day = today;
        } else if (today.isAfter(day)) {
            day = today;
            portfolio.newDay();
            risk.newDay();
            if (reconciled) {
                // kept so that a restart today counts today's P&L from the same figure (max_daily_loss reads it)
                for (String account : portfolio.accounts()) {
                    ObjectNode record = JsonLines.record("dayStart");
                    record.put("day", today.toString()).put("equity", portfolio.dayStartEquity(account))
                            .put("currency", portfolio.currency(account)).put("seq", sequence);
                    write(account, record);
                }
            }
            attempts.clear();
        }
    }

    private void mark(SymbolSlot slot, double price) {
        portfolio.mark(slot.symbol, price);
        risk.observePrice(slot.symbol, price);
    }

    private void barOpened(SymbolSlot slot) {
        earliestBarEnd = Math.min(earliestBarEnd, slot.bars.openEnd());
    }

    /** How a price event triggers one position's declarative stops. */
    private interface StopTrigger {
        StopRule.Exit check(Stops stops, Position position);
    }

    /** Checks the strategy's declarative stops against every account's position in the symbol. */
    private void watchStops(SymbolSlot slot, StopTrigger trigger) {
        if (portfolio.quantity(slot.symbol) == 0) {
            return;
        }
        for (String account : portfolio.accounts()) {
            Position position = portfolio.position(account, slot.symbol);
            if (position.quantity() == 0 || exitWorking(account, slot.symbol)) {
                continue;
            }
            // the stops for this position: a stop at a price reads its entry price
            Stops stops = slot.strategy.stops(position);
            if (stops == null || !stops.any()) {
                continue;
            }
            StopRule.Exit exit = trigger.check(stops, position);
            if (exit != null) {
                Side side = position.quantity() > 0 ? Side.SELL : Side.BUY;
                execute(new OrderIntent(nextId(), slot.symbol, side, OrderType.MARKET, Math.abs(position.quantity()),
                        Double.NaN, new AccountChoice.Named(account), null, exit.reason() + " at " + exit.price(),
                        true, sequence, clock, exit.price()));
            }
        }
    }

    private boolean exitWorking(String account, String symbol) {
        return orders.exitWorking(account, symbol);
    }

    private double decisionPrice(OrderIntent intent) {
        return intent.type() == OrderType.LIMIT ? intent.limitPrice() : portfolio.lastPrice(intent.symbol());
    }

    private void closeBar(SymbolSlot slot, boolean warm) {
        sink.requests.clear();
        sink.warm = warm || slot.bars.bar().index() < slot.warmupBars;
        sink.cancels.clear();
        if (observeRecord) {
            ledger.observe();
        }
        slot.strategy.onBar(slot.bars.bar(), strategyPosition(slot.symbol), sink);
        slot.bars.close();
        if (slot.bars.bar().index() < slot.warmupBars) {
            return;
        }
        // cancels first: they are of the orders placed before this evaluation. Held orders are rebuilt in a warm-up
        // replay too, so that a restarted run holds what the first one held.
        for (String tag : sink.cancels) {
            held.cancel(slot.symbol, tag);
            if (!warm) {
                cancelWorking(slot.symbol, tag);
            }
        }
        int entriesSent = 0;
        for (OrderRequest request : sink.requests) {
            if (HeldOrders.holds(request)) {
                held.hold(request, slot.bars.bar().index(), slot.bars.bar().time());
                continue;
            }
            if (warm) {
                continue;
            }
            if (!reduces(request) && !entryAllowed(request, entriesSent++, slot.bars.bar().time())) {
                continue;
            }
            OrderIntent intent = intentOf(request, slot.bars.bar().time());
            if (intent != null) {
                execute(intent);
            }
        }
    }

    private boolean reduces(OrderRequest request) {
        double held = portfolio.quantity(request.symbol());
        return held != 0 && (held > 0) == (request.side() == OrderRequest.Side.SELL);
    }

    /**
     * Whether an entry may be sent: the position's entries and those sent before it in this evaluation stay
     * within the strategy's {@code pyramiding}. One that would not is said in the run's log, as a backtest says it.
     */
    private boolean entryAllowed(OrderRequest request, int sentBefore, long time) {
        int allowed = program.info().pyramiding();
        if (allowed == 0) {   // a Java program that does not declare it: it decides itself
            return true;
        }
        // an entry sent and not filled yet is an entry of the position: while a broker takes its time to fill,
        // the flat position must not let the next bar send another one (a double buy), as the backtest's
        // pending entry does not either
        int entries = strategyPosition(request.symbol()).entries() + workingEntries(request.symbol()) + sentBefore;
        if (entries < allowed) {
            return true;
        }
        events.strategyMessage(request.symbol(), time, "order not taken: the position already holds " + entries
                + (entries == 1 ? " entry" : " entries") + (allowed == 1 ? "; pyramiding: N in the header allows more"
                : " (pyramiding: " + allowed + ")") + " (" + request.reason() + ")", false);
        return false;
    }

    /**
     * The entries of {@code symbol} working at the venue, unfilled: orders that do not reduce the position. The
     * order with the id the next decision gets is not counted: after a restart that is this very decision made
     * again, which must reach execute to be settled with the broker (sent again if it was lost).
     */
    private int workingEntries(String symbol) {
        String next = config.runTag() + "-" + Long.toString(sequence, 36) + "-" + ordinal;
        int working = 0;
        for (ManagedOrder order : orders.working()) {
            if (order.intent().symbol().equals(symbol) && !order.intent().reducing()
                    && !order.clientOrderId().equals(next) && order.filledQuantity() == 0) {
                working++;
            }
        }
        return working;
    }

    /** cancel() of limit orders sent to the venue: those of the symbol still working (with that tag). */
    private void cancelWorking(String symbol, String tag) {
        for (ManagedOrder order : orders.working()) {
            if (order.intent().symbol().equals(symbol) && order.intent().type() == OrderType.LIMIT
                    && (tag == null || tag.equals(order.intent().tag()))) {
                cancel(order);
            }
        }
    }

    /** How a bar or a trade acts on one held order ({@link OrderRule}). */
    private interface HeldRule {
        OrderRule.Outcome apply(HeldOrders.Held order);
    }

    /**
     * Applies a bar or trade to the symbol's held orders, oldest first: an expired one lapses, a triggered
     * stop-limit keeps resting as a limit, and one that fills is sent now, to fill at the rule's price (the venue
     * takes it at that price as it takes a declarative stop's exit). In a warm-up replay nothing is sent: the
     * journal has what the first run sent.
     */
    private void applyHeld(SymbolSlot slot, boolean warm, long time, HeldRule rule) {
        List<HeldOrders.Held> book = held.of(slot.symbol);
        int bar = barIndexAt(slot, time);
        int entriesSent = 0;
        boolean exitSent = false;
        long length = config.timeframe().toMillis();
        for (int k = 0; k < book.size(); ) {
            HeldOrders.Held order = book.get(k);
            OrderRequest request = order.request();
            if (OrderRule.expired(request.expiry(), order.decidedBar(), order.decidedAt(), bar, time, length,
                    config.zone())) {
                book.remove(k);
                continue;
            }
            OrderRule.Outcome outcome = rule.apply(order);
            if (!outcome.filled()) {
                if (outcome.triggered()) {
                    order.trigger();
                }
                k++;
                continue;
            }
            book.remove(k);
            if (warm) {
                continue;
            }
            boolean limit = !outcome.market();
            OrderRequest sent = new OrderRequest(request.symbol(), request.side(), request.quantity(),
                    limit ? OrderRequest.OrderType.LIMIT : OrderRequest.OrderType.MARKET,
                    limit ? request.limitPrice() : Double.NaN, request.account(), request.tag(), request.reason());
            boolean reducing = reduces(sent);
            if (!reducing && !entryAllowed(sent, entriesSent++, time)) {
                continue;
            }
            if (reducing && (exitSent || exitWorking(holder(slot.symbol), slot.symbol))) {
                events.strategyMessage(slot.symbol, time, "order not taken: the position is being closed by "
                        + "another exit (" + request.reason() + ")", false);
                continue;
            }
            exitSent |= reducing;
            OrderIntent intent = intentOf(sent, time);
            if (intent != null) {
                execute(new OrderIntent(intent.clientOrderId(), intent.symbol(), intent.side(), intent.type(),
                        intent.quantity(), intent.limitPrice(),
                        intent.account(), intent.tag(), intent.reason(), intent.reducing(), intent.sequence(),
                        intent.time(), outcome.price()));
            }
        }
    }

    /**
     * The index of the strategy's bar an event at {@code time} belongs to: the open bar's, or the next one when the
     * open bar has closed or ends before it (the event begins a new bar).
     */
    private int barIndexAt(SymbolSlot slot, long time) {
        int index = slot.bars.bar().index();
        // a venue bar is stamped with its end, a trade with its own time
        long at = slot.bars.fromBars() ? time - 1 : time;
        return slot.bars.isOpen() && at < slot.bars.openEnd() ? index : index + 1;
    }

    /** The strategy's position in a symbol: every account's holding of it together. */
    private PositionView strategyPosition(String symbol) {
        Position only = null;
        int open = 0;
        for (String account : portfolio.accounts()) {
            Position position = portfolio.position(account, symbol);
            if (position.quantity() != 0) {
                only = position;
                open++;
            }
        }
        if (open <= 1) {
            return only != null ? only : FLAT;
        }
        double quantity = 0;
        double cost = 0;
        long entryTime = Long.MAX_VALUE;
        int entryBar = Integer.MAX_VALUE;
        for (String account : portfolio.accounts()) {
            Position position = portfolio.position(account, symbol);
            if (position.quantity() != 0) {
                quantity += position.quantity();
                cost += position.quantity() * position.entryPrice();
                entryTime = Math.min(entryTime, position.entryTime());
                entryBar = Math.min(entryBar, position.entryBar());
            }
        }
        return new AggregatePosition(quantity, cost / quantity, entryTime, entryBar);
    }

    private record AggregatePosition(double quantity, double entryPrice, long entryTime, int entryBar)
            implements PositionView {
    }

    private static final PositionView FLAT = new AggregatePosition(0, Double.NaN, Long.MIN_VALUE, -1);

    /** What strategy.equity, strategy.cash and strategy.open_positions read: every account's books together. */
    private final class LedgerBooks implements dev.stratc.backtest.TradeLedger.Books {
        @Override
        public double equity() {
            double equity = 0;
            for (String account : portfolio.accounts()) {
                equity += portfolio.tradingEquity(account);
            }
            return equity;
        }

        @Override
        public double cash() {
            double cash = 0;
            for (String account : portfolio.accounts()) {
                cash += portfolio.cash(account);
            }
            return cash;
        }

        @Override
        public int openPositions() {
            return (int) portfolio.openPositions().stream().map(Position::symbol).distinct().count();
        }
    }

    private String nextId() {
        return config.runTag() + "-" + Long.toString(sequence, 36) + "-" + (ordinal++);
    }

    /** Turns a strategy's request into units on the account that will carry it; null when there is nothing to do. */
    private OrderIntent intentOf(OrderRequest request, long time) {
        String symbol = request.symbol();
        Side side = request.side() == OrderRequest.Side.BUY ? Side.BUY : Side.SELL;
        if (request.type() == OrderRequest.OrderType.STOP || request.type() == OrderRequest.OrderType.STOP_LIMIT) {
            throw new IllegalStateException("a stop order is held by the run until it triggers: " + request);
        }
        OrderType type = request.type() == OrderRequest.OrderType.LIMIT ? OrderType.LIMIT : OrderType.MARKET;
        String id = nextId();
        double held = portfolio.quantity(symbol);
        boolean reducing = held != 0 && Math.signum(held) != side.sign();
        Account account;
        try {
            AccountChoice choice = request.account();
            if (reducing && choice instanceof AccountChoice.Default) {
                choice = new AccountChoice.Named(holder(symbol));
            }
            refreshWorkingCounts();
            account = pool.route(choice, config.strategyName());
        } catch (RoutingException e) {
            OrderIntent unrouted = new OrderIntent(id, symbol, side, type, 0, request.limitPrice(), request.account(),
                    request.tag(), request.reason(), reducing, sequence, time);
            refuse(unrouted, Journal.RUN, new Refusal(Refusal.Code.NO_ACCOUNT, e.getMessage()));
            return null;
        }
        double price = type == OrderType.LIMIT ? request.limitPrice() : portfolio.lastPrice(symbol);
        double heldHere = portfolio.position(account.id(), symbol).quantity();
        double quantity = units(request.quantity(), Math.abs(reducing ? heldHere : held), price,
                portfolio.tradingEquity(account.id()));
        if (reducing) {
            double free = Math.abs(heldHere) - workingExits(id, account.id(), symbol, side, heldHere, time,
                    request);
            if (Double.isNaN(free)) {
                return null;
            }
            quantity = Math.min(quantity, free);
        }
        double wanted = quantity;
        quantity = Math.floor(quantity / config.quantityStep() + 1e-9) * config.quantityStep();
        if (!(quantity > 0) && reducing && heldHere != 0 && wanted >= Math.abs(heldHere) - 1e-12) {
            // what is left is below the step: no order could ever sell it, so it is dust, not an exit every bar
            moveRemainderToDust(account.id(), symbol, "the run's quantity step of " + fmt(config.quantityStep()),
                    "below the quantity step " + fmt(config.quantityStep()));
            return null;
        }
        if (!(quantity > 0)) {
            events.strategyMessage(symbol, time, "order of " + request.quantity() + " comes to no units at "
                    + price + "; nothing sent (" + request.reason() + ")", false);
            return null;
        }
        return new OrderIntent(id, symbol, side, type, quantity, request.limitPrice(),
                new AccountChoice.Named(account.id()), request.tag(), request.reason(), reducing, sequence, time);
    }

    /**
     * What the account's working orders on the exit side will still take from its holding: their unfilled
     * remainders (a partly filled exit counts with what it has left; a cancelled, refused or expired one no
     * longer counts). An exit is capped at the holding less this, so a strategy that says "exit" on every bar while
     * its first market exit waits for a fill never sends a second one, which would oversell — or, on a margin or
     * futures account, open a short it never asked for. Returns NaN when those orders cover the holding (what is
     * left is below the quantity step): nothing is sent, and the strategy is told once per set of working exits,
     * not every bar. Orders restored from the journal after a restart count the same; the one with the id being
     * decided ({@code id}) does not: that is this very decision made again, which must reach execute to be
     * settled with the broker.
     */
    private double workingExits(String id, String account, String symbol, Side side, double heldHere, long time,
                                OrderRequest request) {
        List<ManagedOrder> exits = orders.working(account, symbol, side).stream()
                .filter(o -> !o.clientOrderId().equals(id)).toList();
        String key = account + '\u0000' + symbol;
        if (exits.isEmpty()) {
            exitsCoveredSaid.remove(key);
            return 0;
        }
        double working = 0;
        for (ManagedOrder exit : exits) {
            working += exit.remainingQuantity();
        }
        if (Math.abs(heldHere) - working >= config.quantityStep() - 1e-9) {
            exitsCoveredSaid.remove(key);
            return working;
        }
        String ids = exits.stream().map(ManagedOrder::clientOrderId).collect(java.util.stream.Collectors.joining(", "));
        if (!ids.equals(exitsCoveredSaid.put(key, ids))) {
            events.strategyMessage(symbol, time, side + " not sent: the working " + side + " order(s) " + ids
                    + " already cover the " + fmt(Math.abs(heldHere)) + " held on account " + account
                    + " (" + fmt(working) + " unfilled); nothing more is sent until they fill or end ("
                    + request.reason() + ")", false);
        }
        return Double.NaN;
    }

    /** Routing compares working orders as the engine knows them now, not as of each account's last event. */
    private void refreshWorkingCounts() {
        for (Account account : pool.accounts()) {
            account.workingOrders(orders.workingCount(account.id()));
        }
    }

    private String holder(String symbol) {
        String holder = null;
        double largest = 0;
        for (String account : portfolio.accounts()) {
            double quantity = Math.abs(portfolio.position(account, symbol).quantity());
            if (quantity > largest) {
                largest = quantity;
                holder = account;
            }
        }
        return holder;
    }

    private double units(Quantity quantity, double held, double price, double equity) {
        return switch (quantity) {
            case Quantity.Units u -> u.units();
            case Quantity.All a -> held;
            case Quantity.PercentOfPosition p -> held * p.percent() / 100;
            case Quantity.PercentOfEquity p -> equity * p.percent() / 100 / price;
            case Quantity.Sized s -> equity * risk.limits().sizingPercentOfEquity() / 100 / price;
            case Quantity.RiskBased r -> equity * r.riskPercent() / 100 / (price * r.stopDistancePercent() / 100);
            case Quantity.Kelly k -> {
                double edge = k.winRate() - (1 - k.winRate()) / k.payoffRatio();
                yield equity * Math.max(0, k.fraction() * edge) / price;
            }
        };
    }

    // ---------------------------------------------------------------- orders out

    private void execute(OrderIntent intent) {
        if (orders.knows(intent.clientOrderId())) {
            resendIfLost(orders.get(intent.clientOrderId()));
            return;
        }
        String accountId = ((AccountChoice.Named) intent.account()).id();
        Account account = pool.account(accountId);
        if (attempts.blocked(SendAttempts.Key.of(intent, accountId), intent.quantity())) {
            // said once when the run stopped sending it: the same order is not sent again as it is
            return;
        }
        Refusal refusal = risk.check(intent, accountId, account.limits(), portfolio, orders.pendingEntries(),
                clock);
        if (refusal == null) {
            refusal = marginRefusal(intent, account);
        }
        if (refusal != null) {
            refuse(intent, accountId, refusal);
            return;
        }
        if (config.mode() == RunMode.DRY_RUN) {
            ObjectNode record = Records.intent(intent);
            record.put("type", "planned");
            write(accountId, record);
            risk.sent(intent, clock);
            events.planned(intent, accountId);
            return;
        }
        ManagedOrder order = orders.add(intent, accountId, clock, decisionPrice(intent),
                portfolio.position(accountId, intent.symbol()).quantity() == 0);
        ObjectNode record = Records.intent(intent);
        record.put("price", order.decisionPrice()).put("opens", order.opensPosition());
        write(accountId, record);
        submit(order, clock);
    }

    /**
     * The same decision taken again after a restart: its order was journalled before the crash. It is sent now
     * only when it never reached the broker.
     */
    private void resendIfLost(ManagedOrder order) {
        if (config.mode() == RunMode.DRY_RUN || queue.contains(order)
                || (order.state() != OrderState.NEW && order.state() != OrderState.SUBMITTED)) {
            return;
        }
        Account account = pool.account(order.account());
        if (account == null) {
            return;
        }
        try {
            settle(order, account);
        } catch (BrokerException e) {
            account.failed(e.getMessage());
            events.warning("cannot look up order " + order.clientOrderId() + " at " + account.id() + ": "
                    + e.getMessage());
        }
    }

    private static SubmissionQueue.Kind kindOf(ManagedOrder order) {
        return order.intent().reducing() ? SubmissionQueue.Kind.EXIT : SubmissionQueue.Kind.ENTRY;
    }

    /**
     * Sends an order when the order rate and its account's request budget allow and nothing of a higher or equal
     * priority waits; otherwise it waits in the queue (from {@code notBefore}, market time).
     */
    private void submit(ManagedOrder order, long notBefore) {
        SubmissionQueue.Kind kind = kindOf(order);
        if (notBefore > clock || queue.anyAhead(kind)) {
            queue.add(kind, order, notBefore);
            pump();
            return;
        }
        Account account = pool.account(order.account());
        long wait = reserve(account, RequestKind.ORDER);
        if (wait > 0) {
            queue.add(kind, order, clock + wait);
            return;
        }
        send(order, account);
    }

    /**
     * Takes the run's order rate ({@code max_orders_per_second}, for new orders) and the account's request budget
     * for one command; returns 0 when taken, else how many milliseconds to wait.
     */
    private long reserve(Account account, RequestKind kind) {
        if (kind == RequestKind.ORDER) {
            long wait = risk.rateWaitMillis(clock);
            if (wait > 0) {
                return wait;
            }
        }
        long nanos = account.tryAcquire(kind);
        return nanos == 0 ? 0 : Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    /**
     * Sends what waits and may go now, in the queue's order: cancels, exits, entries. An entry that waited past
     * its bar is dropped (its decision is stale); nothing else is.
     */
    private void pump() {
        if (queue.isEmpty() || pumping) {
            return;
        }
        pumping = true;
        try {
            pumpQueue();
        } finally {
            pumping = false;
        }
    }

    private void pumpQueue() {
        for (SubmissionQueue.Waiting waiting : queue.inOrder()) {
            if (!queue.contains(waiting)) {
                continue;   // sent or dropped meanwhile
            }
            ManagedOrder order = waiting.order();
            Account account = pool.account(order.account());
            if (account == null || (waiting.kind() != SubmissionQueue.Kind.CANCEL && order.state().isTerminal())) {
                queue.remove(waiting);
                continue;
            }
            if (waiting.kind() == SubmissionQueue.Kind.ENTRY
                    && clock >= order.intent().time() + config.timeframe().toMillis()) {
                queue.remove(waiting);
                dropStale(order);
                continue;
            }
            if (waiting.notBefore() > clock) {
                continue;
            }
            if (waiting.kind() == SubmissionQueue.Kind.CANCEL) {
                long wait = reserve(account, RequestKind.CANCEL);
                if (wait > 0) {
                    queue.postpone(waiting, clock + wait);
                } else {
                    queue.remove(waiting);
                    sendCancel(order, account);
                }
                continue;
            }
            if (risk.rateWaitMillis(clock) > 0) {
                // the run's own rate binds every account: nothing behind this may overtake it
                return;
            }
            long wait = reserve(account, RequestKind.ORDER);
            if (wait > 0) {
                queue.postpone(waiting, clock + wait);
                continue;
            }
            queue.remove(waiting);
            send(order, account);
        }
    }

    private void dropStale(ManagedOrder order) {
        orders.rejectLocally(order, clock);
        droppedEntries++;
        note(order.account(), "rejectedLocally", order.clientOrderId(),
                "waited for the order rate past its bar; the decision is stale");
        events.warning("entry " + order.clientOrderId() + " (" + order.intent().side() + " " + order.intent().symbol()
                + " on " + order.account() + ") dropped: it waited for the order rate past its bar");
    }

    /** Sends an order whose rate tokens are taken. */
    private void send(ManagedOrder order, Account account) {
        journal.sync();
        try {
            account.broker().submit(order.intent().toSubmit());
            account.succeeded();
        } catch (BrokerException e) {
            if (e.kind() != BrokerException.Kind.OUTCOME_UNKNOWN) {
                account.failed(e.getMessage());
                orders.rejectLocally(order, clock);
                note(account.id(), "rejectedLocally", order.clientOrderId(), e.getMessage());
                if (!dustRefused(order, e.getMessage())) {
                    refusedByBroker(order, RetryPolicy.retryable(e.kind()), e.kind() + ": " + e.getMessage());
                }
                return;
            }
            account.failed(e.getMessage());
            events.warning("order " + order.clientOrderId() + " may or may not have reached " + account.id()
                    + " (" + e.getMessage() + "); it will be looked up");
        }
        orders.submitted(order, clock);
        note(account.id(), "submitted", order.clientOrderId(), null);
        risk.sent(order.intent(), clock);
        events.sent(order.intent(), account.id());
    }

    /**
     * A broker refused an order (or it could not be sent). A refusal that can pass is retried with a growing
     * back-off under a new client order id, up to the retry limit; then, or at once for a refusal that cannot
     * change, the run stops sending that order, says so once and notifies.
     */
    private void refusedByBroker(ManagedOrder order, boolean retryable, String why) {
        OrderIntent intent = order.intent();
        SendAttempts.Key key = SendAttempts.Key.of(intent, order.account());
        String what = intent.side() + " " + new java.math.BigDecimal(Double.toString(intent.quantity())).stripTrailingZeros().toPlainString() + " " + intent.symbol() + " on "
                + order.account();
        if (!retryable) {
            attempts.block(key, intent.quantity());
            events.attention("order " + order.clientOrderId() + " (" + what + ") was refused: " + why
                    + ". It cannot pass as it is, so it is not sent again until the position changes or the day ends");
            return;
        }
        int refused = attempts.refused(key, clock);
        RetryPolicy retry = config.retry();
        if (refused >= retry.maxAttempts()) {
            attempts.block(key, Double.NaN);
            events.attention("gave up on " + what + " after " + refused + " refused sends in "
                    + (clock - attempts.firstRefusal(key) + 500) / 1000 + " s (last: " + why + "). Nothing more is sent"
                    + " for it until its position changes or the day ends; check the account and the broker");
            return;
        }
        double held = portfolio.position(order.account(), intent.symbol()).quantity();
        if (intent.reducing() && (held == 0 || Math.signum(held) == intent.side().sign())) {
            return;   // nothing left to exit
        }
        long delay = retry.delayMillis(refused);
        if (!intent.reducing() && clock + delay >= intent.time() + config.timeframe().toMillis()) {
            events.warning("entry " + order.clientOrderId() + " (" + what + ") was refused (" + why
                    + ") and is not retried: a retry would come after its bar");
            return;
        }
        String base = intent.clientOrderId().replaceFirst("-r\\d+$", "");
        double quantity = intent.reducing() ? Math.min(intent.quantity(), Math.abs(held)) : intent.quantity();
        OrderIntent again = new OrderIntent(base + "-r" + refused, intent.symbol(), intent.side(), intent.type(),
                quantity, intent.limitPrice(), intent.account(), intent.tag(), intent.reason(),
                intent.reducing(), intent.sequence(), intent.time(), intent.touchedPrice());
        if (orders.knows(again.clientOrderId())) {
            return;
        }
        ManagedOrder retryOrder = orders.add(again, order.account(), clock, order.decisionPrice(),
                order.opensPosition());
        ObjectNode record = Records.intent(again);
        record.put("price", retryOrder.decisionPrice()).put("opens", retryOrder.opensPosition())
                .put("retryOf", intent.clientOrderId());
        write(order.account(), record);
        events.warning("order " + order.clientOrderId() + " (" + what + ") was refused (" + why + "); send "
                + (refused + 1) + " of at most " + retry.maxAttempts() + " in " + delay / 1000.0 + " s as "
                + again.clientOrderId());
        submit(retryOrder, clock + delay);
    }

    private void refuse(OrderIntent intent, String account, Refusal refusal) {
        ObjectNode record = Records.intent(intent);
        record.put("type", "refused").put("code", refusal.code().name()).put("why", refusal.message());
        write(account, record);
        events.refused(intent, account, refusal);
    }

    /** Cancels a working order (on a timeout, at shutdown, or by hand); one not sent yet simply never leaves. */
    public void cancel(ManagedOrder order) {
        Account account = pool.account(order.account());
        if (order.state().isTerminal() || order.isCancelRequested() || account == null) {
            return;
        }
        if (order.state() == OrderState.NEW && queue.contains(order)) {
            queue.inOrder().stream().filter(w -> w.order() == order).forEach(queue::remove);
            orders.rejectLocally(order, clock);
            note(order.account(), "rejectedLocally", order.clientOrderId(), "cancelled before it was sent");
            return;
        }
        orders.cancelRequested(order);
        note(order.account(), "cancelRequested", order.clientOrderId(), null);
        long wait = reserve(account, RequestKind.CANCEL);
        if (wait > 0) {
            queue.add(SubmissionQueue.Kind.CANCEL, order, clock + wait);
            return;
        }
        sendCancel(order, account);
    }

    private void sendCancel(ManagedOrder order, Account account) {
        journal.sync();
        try {
            account.broker().cancel(new CancelOrder(order.clientOrderId(), order.intent().symbol()));
        } catch (BrokerException e) {
            account.failed(e.getMessage());
            events.warning("cancel of " + order.clientOrderId() + " failed: " + e.getMessage());
        }
    }

    /** Orders waiting to be sent (for the rate or a retry's back-off), cancels included. */
    public int queued() {
        return queue.size();
    }

    /** Exits among {@link #queued()}. */
    public long queuedExits() {
        return queue.count(SubmissionQueue.Kind.EXIT);
    }

    /** Entries dropped because they waited for the order rate past their bar. */
    public long droppedEntries() {
        return droppedEntries;
    }

    /** Sends market orders closing every open position (the kill switch's optional flatten, or a shutdown). */
    public void flatten(String why) {
        for (Position position : portfolio.openPositions()) {
            if (exitWorking(position.account(), position.symbol())) {
                continue;
            }
            Side side = position.quantity() > 0 ? Side.SELL : Side.BUY;
            execute(new OrderIntent(nextId(), position.symbol(), side, OrderType.MARKET, Math.abs(position.quantity()),
                    Double.NaN, new AccountChoice.Named(position.account()), null, why, true, sequence, clock));
        }
    }

    // ---------------------------------------------------------------- events in

    /** Applies every broker event received so far. */
    public void drain() {
        Inbound inbound;
        while ((inbound = inbox.poll()) != null) {
            if (inbound.event() != null) {
                handle(inbound.account(), inbound.event());
            } else if (inbound.funding() != null) {
                bookFunding(inbound.account(), inbound.funding());
            } else {
                Account account = pool.account(inbound.account());
                if (account != null) {
                    account.connection(inbound.up(), inbound.connection());
                    ObjectNode record = JsonLines.record("connection");
                    record.put("up", inbound.up()).put("detail", inbound.connection()).put("seq", sequence);
                    write(inbound.account(), record);
                    if (!inbound.up()) {
                        events.warning("account " + account.id() + " lost its session: " + inbound.connection());
                    }
                }
            }
        }
    }

    private void handle(String account, OrderEvent event) {
        ManagedOrder known = orders.get(event.clientOrderId());
        Account sender = pool.account(account);
        if (event instanceof OrderEvent.Fill && known != null && known.state() == OrderState.NEW && sender != null) {
            // a fill the venue delivers again after a restart, for an order the killed process sent but did not
            // journal as sent: the fill proves it was, and it is booked on the order as the first run booked it
            foundSent(known, sender, "a fill for it came from " + account + " after a restart");
        }
        OrderManager.Outcome outcome = orders.apply(event, clock);
        if (outcome.order() == null) {
            events.warning(outcome.anomaly());
            return;
        }
        if (event instanceof OrderEvent.Fill && !outcome.isFill()) {
            return;
        }
        ObjectNode record = Records.event(event);
        record.put("seq", sequence);
        write(account, record);
        if (outcome.anomaly() != null) {
            events.warning(outcome.anomaly());
        }
        events.orderEvent(outcome.order(), event);
        if (event instanceof OrderEvent.Rejected rejected) {
            boolean dust = rejected.reason() == RejectReason.INVALID_ORDER
                    && dustRefused(outcome.order(), rejected.message());
            if (!dust && !settling) {
                refusedByBroker(outcome.order(), RetryPolicy.retryable(rejected.reason()),
                        rejected.reason() + ": " + rejected.message());
            }
        }
        if (outcome.isFill()) {
            attempts.reset(account, outcome.fill().symbol());
            Position position = bookFill(account, outcome.fill());
            ObjectNode change = JsonLines.record("position");
            change.put("symbol", position.symbol()).put("quantity", position.quantity())
                    .put("entryPrice", position.entryPrice()).put("realizedPnl", position.realizedPnl())
                    .put("seq", sequence);
            write(account, change);
            events.filled(outcome.order(), outcome.fill(), position);
            checkDailyLoss();
        }
        Account owner = pool.account(account);
        if (owner != null) {
            owner.workingOrders(orders.workingCount(account));
        }
    }

    /**
     * Books a fill: the commission comes out of cash when charged in the quote currency, out of the quantity
     * when charged in the symbol's base asset (what the account then holds), and is counted on its own when
     * charged in another asset (BNB).
     */
    private Position bookFill(String account, OrderEvent.Fill fill) {
        String asset = fill.commissionAsset();
        double cashCommission = 0;
        double assetCommission = 0;
        if (asset.isEmpty() || asset.equals(portfolio.currency(account))) {
            cashCommission = fill.commission();
        } else if (baseAsset(account, fill.symbol()).filter(asset::equals).isPresent()) {
            assetCommission = fill.commission();
        } else {
            portfolio.feeInOtherAsset(account, asset, fill.commission());
        }
        Position before = portfolio.position(account, fill.symbol());
        double quantityBefore = before.quantity();
        double realizedBefore = before.realizedPnl();
        portfolio.fill(account, fill.symbol(), fill.side().sign() * fill.quantity(), fill.price(), cashCommission,
                assetCommission, fill.time(), fillBar(fill.symbol(), fill.time()));
        Position after = portfolio.position(account, fill.symbol());
        ledger.filled(account + " " + fill.symbol(), quantityBefore, realizedBefore, after.quantity(),
                after.realizedPnl());
        if (fill.side() == Side.SELL) {
            risk.sold(fill.symbol());
        }
        return portfolio.position(account, fill.symbol());
    }

    /**
     * Books a funding payment once (by account and the venue's id): journalled, into cash and so today's P&L,
     * reported. A payment in an asset other than the account's quote currency is counted beside the P&L.
     */
    private void bookFunding(String account, Funding funding) {
        if (!fundingBooked.add(account + " " + funding.id())) {
            return;
        }
        ObjectNode record = JsonLines.record("funding");
        record.put("id", funding.id()).put("symbol", funding.symbol()).put("amount", funding.amount())
                .put("asset", funding.asset()).put("fundingTime", funding.time()).put("seq", sequence);
        write(account, record);
        applyFunding(account, funding.symbol(), funding.amount(), funding.asset());
        events.note("account " + account + ": funding " + (funding.amount() >= 0 ? "received " : "paid ")
                + fmt(Math.abs(funding.amount())) + " " + funding.asset() + " on " + funding.symbol() + " (settled "
                + Instant.ofEpochMilli(funding.time()) + "; total " + fmt(portfolio.fundingTotal(account)) + ")");
        checkDailyLoss();
    }

    private void applyFunding(String account, String symbol, double amount, String asset) {
        if (asset.isEmpty() || asset.equals(portfolio.currency(account))) {
            portfolio.funding(account, symbol, amount);
        } else {
            portfolio.feeInOtherAsset(account, asset, -amount);
        }
    }

    /** A margin account's margin ratio and liquidation prices as last read; empty for other accounts. */
    public Optional<Margin> margin(String account) {
        return Optional.ofNullable(margins.get(account));
    }

    private Optional<Margin> readMargin(Account account) {
        Optional<Margin> margin = account.broker().margin();
        margin.ifPresent(m -> margins.put(account.id(), m));
        marginReadAt.put(account.id(), clock);
        return margin;
    }

    /**
     * An entry to an account whose margin ratio reached its {@code max_margin_ratio} is refused (exits always go):
     * read from the broker when the last reading is older than a few seconds. A ratio that cannot be read refuses
     * the entry too: the limit is kept, not assumed.
     */
    private Refusal marginRefusal(OrderIntent intent, Account account) {
        double limit = account.limits().maxMarginRatio();
        if (intent.reducing() || limit <= 0) {
            return null;
        }
        Margin margin = margins.get(account.id());
        Long readAt = marginReadAt.get(account.id());
        if (readAt == null || clock - readAt > MARGIN_FRESH_MILLIS) {
            try {
                margin = readMargin(account).orElse(null);
            } catch (BrokerException e) {
                return new Refusal(Refusal.Code.MARGIN_RATIO, "the margin ratio of account " + account.id()
                        + " cannot be read (" + e.getMessage() + "); entries wait until it can");
            }
        }
        if (margin == null || margin.marginRatio() < limit) {
            return null;
        }
        return new Refusal(Refusal.Code.MARGIN_RATIO, "account " + account.id() + " is at a margin ratio of "
                + percent(margin.marginRatio()) + ", at or above its max_margin_ratio " + percent(limit)
                + " (accounts.yaml); only exits are sent until it falls");
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    private Optional<String> baseAsset(String account, String symbol) {
        Account owner = pool.account(account);
        if (owner == null) {
            return Optional.empty();
        }
        return baseAssets.computeIfAbsent(account + " " + symbol, k -> owner.broker().baseAsset(symbol));
    }

    /**
     * An exit of everything left that the exchange refused as dust (below its minimum order): the remainder is
     * given up as dust, reported once, and never traded again. A partial exit refused so is only a refusal.
     */
    private boolean dustRefused(ManagedOrder order, String why) {
        if (!order.intent().reducing() || why == null || !why.toLowerCase(Locale.ROOT).contains("dust")) {
            return false;
        }
        String account = order.account();
        String symbol = order.intent().symbol();
        double left = portfolio.position(account, symbol).quantity();
        if (left == 0) {
            return true;
        }
        if (order.intent().quantity() < Math.abs(left) - 1e-12) {
            return false;
        }
        moveRemainderToDust(account, symbol, "the exchange's minimum order (" + why + ")", why);
        return true;
    }

    /**
     * Gives up what is left of the account's position as dust, below {@code limit}: journalled, so a restart does
     * the same at this point of the history, and reported once.
     */
    private void moveRemainderToDust(String account, String symbol, String limit, String detail) {
        double price = portfolio.position(account, symbol).lastPrice();
        double dust = portfolio.moveToDust(account, symbol, price);
        ObjectNode record = JsonLines.record("dust");
        // "moved": a restart moves what is left of the position to dust again at this point of the history
        record.put("symbol", symbol).put("quantity", portfolio.dust(account, symbol)).put("moved", true)
                .put("seq", sequence).put("detail", detail);
        if (!Double.isNaN(price)) {
            record.put("price", price);
        }
        write(account, record);
        events.warning("account " + account + ": the " + fmt(dust) + " " + symbol + " left of the position are "
                + "below " + limit + "; they are kept as dust and not traded again");
    }

    /**
     * Throws the kill switch when today's loss reached {@code max_daily_loss}. Not before every position has a
     * market price: right after a restart the books carry the prices of their last fills, not today's.
     */
    private void checkDailyLoss() {
        if (portfolio.marketPriced() && risk.checkDailyLoss(portfolio)) {
            killSwitchThrown(risk.killSwitch().reason().orElse("daily loss limit"));
        }
    }

    private boolean killAnnounced;

    private void killSwitchThrown(String reason) {
        if (killAnnounced) {
            return;
        }
        killAnnounced = true;
        ObjectNode record = JsonLines.record("kill");
        record.put("reason", reason).put("seq", sequence);
        write(Journal.RUN, record);
        events.killSwitch(reason);
        if (risk.limits().flattenOnKill()) {
            flatten("kill switch: " + reason);
        }
    }

    /** Timeouts, the kill switch's file, periodic reconciliation. Called by the engine thread between events. */
    public void housekeeping() {
        // open positions losing count as much as fills: today's P&L is looked at with the prices too
        if (reconciled) {
            checkDailyLoss();
        }
        if (risk.killSwitch().engaged()) {
            killSwitchThrown(risk.killSwitch().reason().orElse("thrown by hand"));
        } else {
            killAnnounced = false;
        }
        if (config.mode() == RunMode.DRY_RUN) {
            return;
        }
        pump();
        for (ManagedOrder order : orders.unanswered(clock, config.ackTimeout().toMillis())) {
            Account account = pool.account(order.account());
            if (account != null && !queue.contains(order)) {
                try {
                    settle(order, account);
                } catch (BrokerException e) {
                    account.failed(e.getMessage());
                }
            }
        }
        if (!config.orderMaxAge().isZero()) {
            for (ManagedOrder order : orders.expired(clock, config.orderMaxAge().toMillis())) {
                cancel(order);
            }
        }
        if (scheduled && clock - lastReconcile >= config.reconcileEvery().toMillis()) {
            if (reconciled) {
                reconcile(true);
            } else {
                // catching up after a restart, whose own reconciliation follows: the schedule goes on as before
                lastReconcile = clock;
            }
        }
    }

    /** Journals that every event up to the current one is fully processed. */
    public void checkpoint() {
        ObjectNode record = JsonLines.record("checkpoint");
        record.put("seq", sequence);
        journal.append(Journal.RUN, clock, record);
        recorded = false;
    }

    private void note(String account, String type, String clientOrderId, String detail) {
        ObjectNode record = JsonLines.record(type);
        record.put("id", clientOrderId).put("seq", sequence);
        if (detail != null) {
            record.put("detail", detail);
        }
        write(account, record);
    }

    private void write(String account, ObjectNode record) {
        journal.append(account, clock, record);
        recorded = true;
    }

    /** What the strategy decides during one evaluation. */
    private final class Sink implements ActionSink {
        final List<OrderRequest> requests = new ArrayList<>();
        boolean warm;

        @Override
        public void signal(Signal signal) {
            if (warm) {
                return;
            }
            ObjectNode record = Records.signal(signal);
            record.put("seq", sequence);
            write(Journal.RUN, record);
            events.signal(signal);
        }

        final List<String> cancels = new ArrayList<>();

        @Override
        public void order(OrderRequest order) {
            requests.add(order);
        }

        @Override
        public void cancel(String symbol, String tag) {
            cancels.add(tag);
        }

        @Override
        public void log(String symbol, long time, String message) {
            if (!warm) {
                events.strategyMessage(symbol, time, message, false);
            }
        }

        @Override
        public void notify(String symbol, long time, String message) {
            if (!warm) {
                events.strategyMessage(symbol, time, message, true);
            }
        }
    }
}
