package dev.stratc.runtime.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.backtest.FundingRule;
import dev.stratc.runtime.broker.Funding;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.broker.TimeInForce;
import dev.stratc.runtime.journal.JournalCorruptException;
import dev.stratc.runtime.journal.JsonLines;
import dev.stratc.runtime.market.MarketEvent;

/**
 * A simulated venue fed by a replayed data set: one market, any number of accounts ({@link SimulatedBroker}s).
 *
 * <p>Fill model: a market order fills completely at the first trade printed after it arrived (never at the
 * price that made the strategy decide). A limit order that the first trade after its arrival crosses fills at
 * that trade's price as a taker; otherwise it rests and later fills at its own limit when trades reach it, up
 * to their size, oldest order first. Quotes move bid and ask but do not fill. Prices and fees follow the
 * {@link dev.stratc.backtest.CostModel} of {@code stratc backtest}: market fills slip against the trader and round
 * to the tick against him, and every fill pays the market's commission (and, on sells, its tax).
 *
 * <p>A stop exit ({@link SubmitOrder#touchedPrice()}) stands for an order that rested at the venue while the run
 * watched every price: it fills at once at the price the market touched, as long as the symbol's last event
 * traded there (within its low and high); otherwise it is an ordinary market order. The same holds for the stop,
 * stop-limit and expiring limit orders the run holds itself and sends when the market reaches them: a limit order
 * with a touched price fills there at once as a limit order (no slippage, the maker fee), else it rests as usual.
 *
 * <p>Persistence: with a state file, every change the venue makes (an order taken, the fills of one market
 * event — in one line, so an event is never half applied —, a cancel) is appended to its own checksummed journal
 * before anyone is told, and a new instance rebuilds itself from it.
 * That stands in for a real exchange living in another process: a client killed with {@code kill -9} and
 * restarted finds the venue exactly as it left it, including orders that reached the venue but whose answer the
 * client never saw. Each change records the data-set position ({@code seq}) it happened at, and
 * {@link #onMarket} ignores events at or before the last one, so a restarted replay never fills twice.
 */
public final class SimulatedExchange implements AutoCloseable {
    private final SimConfig config;
    private final JsonLines journal;
    private final Map<String, SimAccount> accounts = new LinkedHashMap<>();
    private final Map<String, Double> lastPrices = new HashMap<>();
    /** Each symbol's low and high of its last event: where a stop exit can have been touched. */
    private final Map<String, double[]> lastRanges = new HashMap<>();
    private final List<SimulatedBroker> brokers = new ArrayList<>();
    /** Each symbol's last event time: funding settles for the settlements since it ({@link FundingRule}). */
    private final Map<String, Long> lastTimes = new HashMap<>();
    /** Fills read back from the journal, by data position: delivered again when a restarted replay passes it. */
    private final Map<Long, List<Delivery>> madeBefore = new HashMap<>();
    private JsonLines.Repair repair;
    private final java.util.Set<String> startingHoldings = new java.util.HashSet<>();
    /** 0: shares, commission from cash; otherwise a crypto-style venue with this lot size (see cryptoRules). */
    private double lotStep;
    private final List<Submission> submissions = new ArrayList<>();
    private Refusing refusing;
    private Thin thin;
    /** Orders taken while {@link #thin} was on and matched it: they fill no more than its cap. */
    private final Map<String, Double> thinOrders = new HashMap<>();
    private long sequence = -1;
    private long clock;
    private long tradeCounter;
    private long duplicates;
    private boolean replaying;

    private SimulatedExchange(SimConfig config, JsonLines journal) {
        this.config = config;
        this.journal = journal;
    }

    /** A venue that forgets everything when the process ends. */
    public static SimulatedExchange inMemory(SimConfig config) {
        return new SimulatedExchange(config, null);
    }

    private record Delivery(String accountId, OrderEvent.Fill fill) {
    }

    /**
     * A venue kept in {@code stateFile}: rebuilt from it when it exists. Its journal is read, checked and
     * repaired as the engine's is ({@link JsonLines#recover}): a torn tail is moved aside and reported by
     * {@link #repaired()}, a changed line is refused with file:line.
     *
     * @throws JournalCorruptException when a line was changed, or a record does not fit the ones before it
     */
    public static SimulatedExchange persistent(SimConfig config, Path stateFile) {
        JsonLines.Contents history = Files.exists(stateFile) ? JsonLines.recover(stateFile) : null;
        SimulatedExchange exchange = new SimulatedExchange(config, JsonLines.open(stateFile));
        if (history != null) {
            exchange.repair = history.torn();
            List<ObjectNode> records = history.records();
            exchange.replaying = true;
            for (int i = 0; i < records.size(); i++) {
                try {
                    exchange.replay(records.get(i));
                } catch (RuntimeException e) {
                    exchange.close();
                    ObjectNode record = records.get(i);
                    String what = record.path("type").asText() + (record.has("id") ? " of " + record.path("id")
                            .asText() : " at data position " + record.path("seq").asLong());
                    throw new JournalCorruptException(stateFile + ": record " + (i + 1) + " (" + what + ") does not "
                            + "fit the records before it (" + e.getMessage() + "); the file was edited or mixed with "
                            + "another run's. Restore it from a copy.");
                }
            }
            exchange.replaying = false;
        }
        return exchange;
    }

    /** The torn tail moved out of the journal when this venue was rebuilt, if there was one. */
    public Optional<JsonLines.Repair> repaired() {
        return Optional.ofNullable(repair);
    }

    /** An order as it reached the venue, and whether it was refused ({@code null}: taken). */
    public record Submission(long time, String accountId, SubmitOrder order, RejectReason refusedFor) {
    }

    private record Refusing(Predicate<SubmitOrder> which, RejectReason reason, String message) {
    }

    /**
     * Fault injection, as a real server under load or with a rule the run broke does it: orders matching
     * {@code which} are refused with {@code reason} until {@link #stopRefusing()}.
     */
    public synchronized void refuse(Predicate<SubmitOrder> which, RejectReason reason, String message) {
        refusing = new Refusing(which, reason, message);
    }

    public synchronized void stopRefusing() {
        refusing = null;
    }

    private record Thin(Predicate<SubmitOrder> which, double atMost) {
    }

    /**
     * Fault injection, as a halted or thin market does it (KRX holds market orders through a volatility
     * interruption; a slow mock fills late): orders working or taken while this is on that match {@code which}
     * fill no more than {@code atMost} units each ({@code 0}: none) and otherwise stay working, until
     * {@link #stopHoldingFills()}. Not journalled, as {@link #refuse} is not.
     */
    public synchronized void holdFills(Predicate<SubmitOrder> which, double atMost) {
        thin = new Thin(which, atMost);
        for (SimAccount account : accounts.values()) {
            for (SimOrder order : account.orders()) {
                if (order.status().isWorking() && which.test(new SubmitOrder(order.clientOrderId(), order.symbol(),
                        order.side(), order.type(), order.quantity(), order.limitPrice(), TimeInForce.DAY))) {
                    thinOrders.put(order.clientOrderId(), atMost);
                }
            }
        }
    }

    /** Ends {@link #holdFills}: held orders fill at the next trades as any other. */
    public synchronized void stopHoldingFills() {
        thin = null;
        thinOrders.clear();
    }

    /** Every order that reached the venue, refused ones included, in arrival order (not kept across restarts). */
    public synchronized List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    /** Records an arriving order; returns the injected refusal's message, or {@code null}. */
    synchronized String arrived(String accountId, SubmitOrder order, RejectReason[] reason) {
        boolean refused = refusing != null && refusing.which().test(order);
        submissions.add(new Submission(clock, accountId, order, refused ? refusing.reason() : null));
        if (!refused && thin != null && thin.which().test(order)) {
            thinOrders.put(order.clientOrderId(), thin.atMost());
        }
        if (refused) {
            reason[0] = refusing.reason();
            return refusing.message();
        }
        return null;
    }

    /** The account {@code id} at this venue, opened with the configured cash on first use. */
    public synchronized SimulatedBroker broker(String accountId) {
        SimulatedBroker broker = new SimulatedBroker(this, accountId);
        brokers.add(broker);
        account(accountId);
        return broker;
    }

    /**
     * Makes the venue keep accounts the way a crypto exchange does: balances are listed asset by asset (the
     * quote currency and each coin held), a buy pays its commission in the coin bought (0.01 BTC bought with a
     * 0.1% fee leaves 0.00999 held), quantities are rounded down to {@code lotStep}, and an order below one
     * step is refused as dust ({@link RejectReason#INVALID_ORDER}). A symbol's base asset is its name less the
     * quote currency ({@code BTCUSD} → {@code BTC}).
     */
    public synchronized SimulatedExchange cryptoRules(double lotStep) {
        if (!(lotStep > 0)) {
            throw new IllegalArgumentException("lot step must be positive: " + lotStep);
        }
        this.lotStep = lotStep;
        return this;
    }

    synchronized boolean crypto() {
        return lotStep > 0;
    }

    synchronized double lotStep() {
        return lotStep;
    }

    /** The asset a symbol is held in on a crypto-style venue. */
    String baseAsset(String symbol) {
        String currency = config.currency();
        return symbol.endsWith(currency) && symbol.length() > currency.length()
                ? symbol.substring(0, symbol.length() - currency.length()) : symbol;
    }

    /**
     * Gives an account a holding it had before the run started (coins in a crypto account, shares bought
     * elsewhere). Kept in the venue's journal: a restarted venue has it once, and giving it again does nothing.
     */
    public synchronized void holdAtStart(String accountId, String symbol, double quantity, double averagePrice) {
        if (!startingHoldings.add(accountId + " " + symbol)) {
            return;
        }
        account(accountId).hold(symbol, quantity, averagePrice);
        ObjectNode record = change("holding", accountId, "");
        record.put("symbol", symbol).put("quantity", quantity).put("price", averagePrice);
        persist(record);
    }

    /**
     * The account, opened on first use. Opening is journalled: trades match the accounts' working orders in the
     * order the accounts were opened, and a rebuilt venue must keep that order.
     */
    synchronized SimAccount account(String accountId) {
        SimAccount account = accounts.get(accountId);
        if (account == null) {
            account = new SimAccount(accountId, config, symbol -> lastPrices.getOrDefault(symbol, Double.NaN));
            accounts.put(accountId, account);
            if (!replaying) {
                ObjectNode record = JsonLines.record("open");
                record.put("seq", sequence).put("time", clock).put("account", accountId);
                persist(record);
            }
        }
        return account;
    }

    public SimConfig config() {
        return config;
    }

    /** The data-set position of the last event the venue applied; -1 before the first. */
    public synchronized long sequence() {
        return sequence;
    }

    /** Every order an account ever sent, finished ones included, oldest first. */
    public synchronized List<OrderReport> orders(String accountId) {
        return account(accountId).orders().stream().map(SimOrder::report).toList();
    }

    /** How many orders arrived with a client order id the venue already knew. */
    public synchronized long duplicateSubmissions() {
        return duplicates;
    }

    synchronized long clock() {
        return clock;
    }

    synchronized double lastPrice(String symbol) {
        return lastPrices.getOrDefault(symbol, Double.NaN);
    }

    /**
     * Applies the next event of the data set: working orders fill against trades, then subscribers receive the
     * event. Events at or before {@link #sequence()} were applied before a restart and are skipped.
     *
     * @return whether the event was applied
     */
    public boolean onMarket(long seq, MarketEvent event) {
        List<Runnable> deliveries = new ArrayList<>();
        synchronized (this) {
            if (seq <= sequence) {
                // applied before a restart: the book already holds what it did, but the venue's memory of the
                // market (last prices and ranges, its clock) was not journalled and is taken from the tape again
                clock = Math.max(clock, event.time());
                observe(event);
                return false;
            }
            sequence = seq;
            clock = Math.max(clock, event.time());
            ArrayNode fills = JsonLines.record("fills").arrayNode();
            switch (event) {
                case MarketEvent.Trade t -> {
                    lastRanges.put(t.symbol(), new double[] {t.price(), t.price()});
                    trade(t.symbol(), t.price(), t.size(), fills, deliveries);
                }
                case MarketEvent.Bar b -> {
                    lastRanges.put(b.symbol(), new double[] {b.low(), b.high()});
                    boolean rising = b.close() >= b.open();
                    double quarter = b.volume() / 4;
                    trade(b.symbol(), b.open(), quarter, fills, deliveries);
                    trade(b.symbol(), rising ? b.low() : b.high(), quarter, fills, deliveries);
                    trade(b.symbol(), rising ? b.high() : b.low(), quarter, fills, deliveries);
                    trade(b.symbol(), b.close(), quarter, fills, deliveries);
                }
                case MarketEvent.Quote q -> {
                    // quotes move the book but never fill on their own
                }
            }
            ArrayNode funding = fills.arrayNode();
            if (!(event instanceof MarketEvent.Quote)) {
                settleFunding(event, funding, deliveries);
            }
            persistFills(fills, funding);
            for (SimulatedBroker broker : brokers) {
                if (broker.wants(event.symbol())) {
                    deliveries.add(() -> broker.deliver(event));
                }
            }
        }
        deliveries.forEach(Runnable::run);
        return true;
    }

    /**
     * Delivers again the fills this venue made at data position {@code seq} before it was restarted. A client
     * killed after the venue filled but before it booked the fill gets it where it happened; one that booked
     * it recognises the trade id. Called by the replay for positions the client processes live again.
     */
    public void redeliver(long seq) {
        List<Delivery> fills;
        synchronized (this) {
            fills = madeBefore.remove(seq);
        }
        if (fills != null) {
            fills.forEach(d -> notify(d.accountId(), d.fill()));
        }
    }

    /**
     * Takes the market's last price and range from an event applied before a restart: a stop exit taken at this
     * position again must find the range the first run's venue filled it in ({@link #fillTouched}).
     */
    private void observe(MarketEvent event) {
        switch (event) {
            case MarketEvent.Trade t -> {
                lastTimes.put(t.symbol(), t.time());
                price(t.symbol(), t.price());
                lastRanges.put(t.symbol(), new double[] {t.price(), t.price()});
            }
            case MarketEvent.Bar b -> {
                lastTimes.put(b.symbol(), b.time());
                price(b.symbol(), b.close());
                lastRanges.put(b.symbol(), new double[] {b.low(), b.high()});
            }
            case MarketEvent.Quote q -> {
                // quotes leave the last price alone
            }
        }
    }

    /** Takes a symbol's new last price, at which its working market buys reserve cash. */
    private void price(String symbol, double price) {
        lastPrices.put(symbol, price);
        for (SimAccount account : accounts.values()) {
            account.repriced(symbol);
        }
    }

    private void trade(String symbol, double price, double size, ArrayNode fills, List<Runnable> deliveries) {
        price(symbol, price);
        double liquidity = size;
        for (SimAccount account : accounts.values()) {
            for (SimOrder order : account.workingOrders(symbol)) {
                double tradedAt = order.fillPrice(price);
                if (Double.isNaN(tradedAt)) {
                    continue;
                }
                double quantity = order.type() == OrderType.MARKET
                        ? order.remaining()
                        : Math.min(order.remaining(), liquidity);
                Double cap = thinOrders.get(order.clientOrderId());
                if (cap != null) {
                    quantity = Math.min(quantity, cap - order.filled());
                }
                if (quantity <= 1e-12) {
                    continue;
                }
                if (order.type() != OrderType.MARKET) {
                    liquidity -= quantity;
                }
                deliveries.add(fill(account, order, quantity, tradedAt, fills));
            }
        }
    }

    /** A stop exit's fill at its touched price: its journal line and its delivery to the account. */
    record TouchedFill(ObjectNode record, Runnable delivery) {
    }

    /**
     * Fills a stop exit that has just been accepted at the price its stop was touched at, when the symbol's
     * last event traded there. Not journalled yet: the caller writes it with the order that took it, so a kill
     * never leaves the order taken without the fill it got at once ({@link #submitted(String, OrderEvent,
     * ObjectNode, TouchedFill)}). Returns {@code null} when the order waits for the next trade.
     */
    synchronized TouchedFill fillTouched(String accountId, String clientOrderId, double touched) {
        SimAccount account = account(accountId);
        SimOrder order = account.order(clientOrderId);
        double[] range = order == null ? null : lastRanges.get(order.symbol());
        if (range == null || !(touched >= range[0] - 1e-9 && touched <= range[1] + 1e-9)
                || (order.type() != OrderType.MARKET && order.type() != OrderType.LIMIT) || order.remaining() <= 0
                || thinOrders.containsKey(clientOrderId)) {
            return null;
        }
        ArrayNode fills = JsonLines.record("fills").arrayNode();
        Runnable delivery = fill(account, order, order.remaining(), touched, fills);
        return new TouchedFill(fillsRecord(fills), delivery);
    }

    /**
     * Books a fill of {@code quantity} traded at {@code tradedAt}, priced and charged by the cost model, and adds
     * it to the event's {@code fills} (journalled together). On a crypto-style venue a buy pays its commission
     * in the coin bought.
     */
    private Runnable fill(SimAccount account, SimOrder order, double quantity, double tradedAt, ArrayNode fills) {
        boolean buy = order.side() == Side.BUY;
        boolean limit = order.type() == OrderType.LIMIT;
        double price = config.costs().fillPrice(tradedAt, buy, !limit);
        double fees = config.costs().fees(quantity * price, !buy, limit);
        boolean inAsset = crypto() && buy;
        double commission = inAsset ? fees / price : fees;
        String commissionAsset = inAsset ? baseAsset(order.symbol()) : "";
        String tradeId = "T" + (++tradeCounter);
        fills.addObject().put("account", account.id()).put("id", order.clientOrderId()).put("tradeId", tradeId)
                .put("quantity", quantity).put("price", price).put("commission", commission)
                .put("commissionAsset", commissionAsset);
        OrderEvent.Fill fill = account.fill(order, tradeId, quantity, price, commission, commissionAsset, clock);
        return () -> notify(account.id(), fill);
    }

    /**
     * Funding of a perpetual ({@link SimConfig#funding}, the rule {@code stratc backtest} charges): for every
     * settlement since the symbol's previous event, each account holding it pays (a long, at a positive rate) or
     * receives its position times the event's close times the rate. Booked in the account's cash and reported to
     * it as the venue's {@link Funding} (as Binance's income history), with an id made of the account, symbol and
     * settlement time, so the engine books each once; journalled in the event's line.
     */
    private void settleFunding(MarketEvent event, ArrayNode funding, List<Runnable> deliveries) {
        String symbol = event.symbol();
        Long after = lastTimes.put(symbol, event.time());
        FundingRule rule = config.funding();
        if (after == null || !rule.active()) {
            return;
        }
        double price = switch (event) {
            case MarketEvent.Bar b -> b.close();
            case MarketEvent.Trade t -> t.price();
            case MarketEvent.Quote q -> Double.NaN;
        };
        for (long settlement : FundingRule.settlements(after, event.time())) {
            for (SimAccount account : accounts.values()) {
                double payment = rule.payment(symbol, account.quantity(symbol), price, settlement);
                if (payment == 0) {
                    continue;
                }
                Funding paid = new Funding(account.id() + "-" + symbol + "-" + settlement, symbol, -payment,
                        config.currency(), settlement);
                account.funding(paid);
                funding.addObject().put("account", account.id()).put("id", paid.id()).put("symbol", symbol)
                        .put("amount", paid.amount()).put("time", settlement);
                deliveries.add(() -> notifyFunding(account.id(), paid));
            }
        }
    }

    /** The funding payments booked on {@code accountId} at or after {@code sinceMillis}, oldest first. */
    synchronized List<Funding> funding(String accountId, long sinceMillis) {
        return account(accountId).funding().stream().filter(f -> f.time() >= sinceMillis).toList();
    }

    private void notifyFunding(String accountId, Funding funding) {
        for (SimulatedBroker broker : brokersOf(accountId)) {
            broker.deliver(funding);
        }
    }

    /** One line for everything an event did: a kill leaves the event applied wholly or not at all. */
    private void persistFills(ArrayNode fills, ArrayNode funding) {
        if (!fills.isEmpty() || !funding.isEmpty()) {
            ObjectNode record = fillsRecord(fills);
            if (!funding.isEmpty()) {
                record.set("funding", funding);
            }
            persist(record);
        }
    }

    private ObjectNode fillsRecord(ArrayNode fills) {
        ObjectNode record = JsonLines.record("fills");
        record.put("seq", sequence).put("time", clock).set("fills", fills);
        return record;
    }

    // Changes made by an account's commands: persisted, applied, then reported outside the lock.

    void submitted(String accountId, OrderEvent event, ObjectNode record) {
        submitted(accountId, event, record, null);
    }

    /**
     * An order taken together with the fill it got at once ({@code touched}, may be {@code null}): both lines
     * are written in one append, then the acceptance and the fill are reported in that order.
     */
    void submitted(String accountId, OrderEvent event, ObjectNode record, TouchedFill touched) {
        if (record != null) {
            synchronized (this) {
                if ("duplicate".equals(record.path("type").asText())) {
                    duplicates++;
                }
            }
            if (touched == null) {
                persist(record);
            } else if (journal != null) {
                journal.appendAll(List.of(record, touched.record()));
            }
        }
        notify(accountId, event);
        if (touched != null) {
            touched.delivery().run();
        }
    }

    void notify(String accountId, OrderEvent event) {
        for (SimulatedBroker broker : brokersOf(accountId)) {
            broker.deliver(event);
        }
    }

    private synchronized List<SimulatedBroker> brokersOf(String accountId) {
        return brokers.stream().filter(b -> b.accountId().equals(accountId)).toList();
    }

    ObjectNode change(String type, String accountId, String clientOrderId) {
        ObjectNode record = JsonLines.record(type);
        record.put("seq", sequence).put("time", clock).put("account", accountId).put("id", clientOrderId);
        return record;
    }

    void persist(ObjectNode record) {
        if (journal != null) {
            journal.append(record);
        }
    }

    private synchronized void replay(ObjectNode record) {
        sequence = Math.max(sequence, record.path("seq").asLong(-1));
        clock = Math.max(clock, record.path("time").asLong());
        if (record.path("type").asText().equals("fills")) {
            for (JsonNode fill : record.path("fills")) {
                replayFill(account(fill.path("account").asText()), fill, record.path("seq").asLong(),
                        record.path("time").asLong());
            }
            for (JsonNode paid : record.path("funding")) {
                account(paid.path("account").asText()).funding(new Funding(paid.path("id").asText(),
                        paid.path("symbol").asText(), paid.path("amount").asDouble(), config.currency(),
                        paid.path("time").asLong()));
            }
            return;
        }
        SimAccount account = account(record.path("account").asText());
        String id = record.path("id").asText();
        switch (record.path("type").asText()) {
            case "order" -> account.restoreOrder(record);
            // one fill a line: journals written before fills were grouped by event
            case "fill" -> replayFill(account, record, record.path("seq").asLong(), record.path("time").asLong());
            case "holding" -> {
                String symbol = record.path("symbol").asText();
                startingHoldings.add(account.id() + " " + symbol);
                account.hold(symbol, record.path("quantity").asDouble(), record.path("price").asDouble());
            }
            case "cancel" -> account.cancel(id);
            case "duplicate" -> duplicates++;
            case "open" -> {
                // account(...) above opened it, in the order the first run did
            }
            case "replace" -> account.replace(id, record.path("newId").asText(), record.path("quantity").asDouble(),
                    record.path("limit").asDouble());
            default -> throw new IllegalStateException("unknown record type");
        }
    }

    private void replayFill(SimAccount account, JsonNode fill, long seq, long time) {
        tradeCounter++;
        String id = fill.path("id").asText();
        SimOrder order = account.order(id);
        if (order == null) {
            throw new IllegalStateException("no order " + id + " was taken before its fill "
                    + fill.path("tradeId").asText());
        }
        OrderEvent.Fill event = account.fill(order, fill.path("tradeId").asText(), fill.path("quantity").asDouble(),
                fill.path("price").asDouble(), fill.path("commission").asDouble(),
                fill.path("commissionAsset").asText(""), time);
        madeBefore.computeIfAbsent(seq, k -> new ArrayList<>()).add(new Delivery(account.id(), event));
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
