package dev.stratc.runtime.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
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
 * traded there (within its low and high); otherwise it is an ordinary market order.
 *
 * <p>Persistence: with a state file, every change the venue makes (an order taken, a fill, a cancel) is
 * appended to its own checksummed journal before anyone is told, and a new instance rebuilds itself from it.
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
    private final List<Submission> submissions = new ArrayList<>();
    private Refusing refusing;
    private long sequence = -1;
    private long clock;
    private long tradeCounter;
    private long duplicates;

    private SimulatedExchange(SimConfig config, JsonLines journal) {
        this.config = config;
        this.journal = journal;
    }

    /** A venue that forgets everything when the process ends. */
    public static SimulatedExchange inMemory(SimConfig config) {
        return new SimulatedExchange(config, null);
    }

    /** A venue kept in {@code stateFile}: rebuilt from it when it exists. */
    public static SimulatedExchange persistent(SimConfig config, Path stateFile) {
        List<ObjectNode> history = Files.exists(stateFile) ? JsonLines.read(stateFile).records() : List.of();
        SimulatedExchange exchange = new SimulatedExchange(config, JsonLines.open(stateFile));
        history.forEach(exchange::replay);
        return exchange;
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

    /** Every order that reached the venue, refused ones included, in arrival order (not kept across restarts). */
    public synchronized List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    /** Records an arriving order; returns the injected refusal's message, or {@code null}. */
    synchronized String arrived(String accountId, SubmitOrder order, RejectReason[] reason) {
        boolean refused = refusing != null && refusing.which().test(order);
        submissions.add(new Submission(clock, accountId, order, refused ? refusing.reason() : null));
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

    synchronized SimAccount account(String accountId) {
        return accounts.computeIfAbsent(accountId, id -> new SimAccount(id, config));
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
                return false;
            }
            sequence = seq;
            clock = Math.max(clock, event.time());
            switch (event) {
                case MarketEvent.Trade t -> {
                    lastRanges.put(t.symbol(), new double[] {t.price(), t.price()});
                    trade(t.symbol(), t.price(), t.size(), deliveries);
                }
                case MarketEvent.Bar b -> {
                    lastRanges.put(b.symbol(), new double[] {b.low(), b.high()});
                    boolean rising = b.close() >= b.open();
                    double quarter = b.volume() / 4;
                    trade(b.symbol(), b.open(), quarter, deliveries);
                    trade(b.symbol(), rising ? b.low() : b.high(), quarter, deliveries);
                    trade(b.symbol(), rising ? b.high() : b.low(), quarter, deliveries);
                    trade(b.symbol(), b.close(), quarter, deliveries);
                }
                case MarketEvent.Quote q -> {
                    // quotes move the book but never fill on their own
                }
            }
            for (SimulatedBroker broker : brokers) {
                if (broker.wants(event.symbol())) {
                    deliveries.add(() -> broker.deliver(event));
                }
            }
        }
        deliveries.forEach(Runnable::run);
        return true;
    }

    private void trade(String symbol, double price, double size, List<Runnable> deliveries) {
        lastPrices.put(symbol, price);
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
                if (quantity <= 0) {
                    continue;
                }
                if (order.type() != OrderType.MARKET) {
                    liquidity -= quantity;
                }
                deliveries.add(fill(account, order, quantity, tradedAt));
            }
        }
    }

    /**
     * Fills a stop exit that has just been accepted at the price its stop was touched at, when the symbol's
     * last event traded there. Returns the delivery of the fill, or {@code null} when it waits for the next trade.
     */
    synchronized Runnable fillTouched(String accountId, String clientOrderId, double touched) {
        SimAccount account = account(accountId);
        SimOrder order = account.order(clientOrderId);
        double[] range = order == null ? null : lastRanges.get(order.symbol());
        if (range == null || !(touched >= range[0] - 1e-9 && touched <= range[1] + 1e-9)
                || order.type() != OrderType.MARKET || order.remaining() <= 0) {
            return null;
        }
        return fill(account, order, order.remaining(), touched);
    }

    /** Books a fill of {@code quantity} traded at {@code tradedAt}, priced and charged by the cost model. */
    private Runnable fill(SimAccount account, SimOrder order, double quantity, double tradedAt) {
        boolean buy = order.side() == Side.BUY;
        boolean limit = order.type() == OrderType.LIMIT;
        double price = config.costs().fillPrice(tradedAt, buy, !limit);
        double commission = config.costs().fees(quantity * price, !buy, limit);
        String tradeId = "T" + (++tradeCounter);
        ObjectNode record = change("fill", account.id(), order.clientOrderId());
        record.put("tradeId", tradeId).put("quantity", quantity).put("price", price).put("commission", commission);
        persist(record);
        OrderEvent.Fill fill = account.fill(order, tradeId, quantity, price, commission, clock);
        return () -> notify(account.id(), fill);
    }

    // Changes made by an account's commands: persisted, applied, then reported outside the lock.

    void submitted(String accountId, OrderEvent event, ObjectNode record) {
        if (record != null) {
            synchronized (this) {
                if ("duplicate".equals(record.path("type").asText())) {
                    duplicates++;
                }
            }
            persist(record);
        }
        notify(accountId, event);
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
        SimAccount account = account(record.path("account").asText());
        String id = record.path("id").asText();
        switch (record.path("type").asText()) {
            case "order" -> account.restoreOrder(record);
            case "fill" -> {
                tradeCounter++;
                account.fill(account.order(id), record.path("tradeId").asText(), record.path("quantity").asDouble(),
                        record.path("price").asDouble(), record.path("commission").asDouble(), clock);
            }
            case "cancel" -> account.cancel(id);
            case "duplicate" -> duplicates++;
            case "replace" -> account.replace(id, record.path("newId").asText(), record.path("quantity").asDouble(),
                    record.path("limit").asDouble());
            default -> throw new IllegalStateException("unknown record in the simulated exchange's journal: " + record);
        }
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
