package dev.stratc.runtime.ops;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.engine.Engine;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.strategy.Signal;

/**
 * What a run prints as it happens: one line per signal, order, fill, refusal and warning, stamped with market
 * time in the exchange's zone; a status block on demand; the session summary at the end.
 */
public final class ConsoleReport implements RunEvents {
    private final PrintWriter out;
    private final DateTimeFormatter time;
    private int signals;
    private int orders;
    private int fills;
    private int refusals;

    public ConsoleReport(PrintWriter out, ZoneId zone) {
        this.out = out;
        this.time = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    private String at(long epochMillis) {
        return time.format(Instant.ofEpochMilli(epochMillis));
    }

    private void line(long when, String kind, String text) {
        out.printf(Locale.ROOT, "%s %-8s %s%n", at(when), kind, text);
        out.flush();
    }

    static String amount(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.4f", value);
    }

    @Override
    public void signal(Signal signal) {
        signals++;
        String payload = signal.payload().entrySet().stream().filter(e -> !e.getKey().equals("symbol"))
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof Double d ? amount(Math.round(d * 100) / 100.0)
                        : e.getValue()))
                .collect(Collectors.joining(" "));
        line(signal.time(), "SIGNAL", signal.name() + " " + signal.symbol() + (payload.isEmpty() ? "" : " " + payload));
    }

    private static String describe(OrderIntent intent) {
        return intent.side() + " " + amount(intent.quantity()) + " " + intent.symbol() + " "
                + (intent.type() == OrderType.LIMIT ? "limit " + amount(intent.limitPrice()) : "market");
    }

    @Override
    public void planned(OrderIntent intent, String account) {
        orders++;
        line(intent.time(), "PLAN", describe(intent) + " on " + account + "  (dry run: not sent)  " + intent.reason());
    }

    @Override
    public void sent(OrderIntent intent, String account) {
        orders++;
        line(intent.time(), "ORDER", describe(intent) + " → " + account + "  " + intent.clientOrderId() + "  "
                + intent.reason());
    }

    @Override
    public void orderEvent(ManagedOrder order, OrderEvent event) {
        switch (event) {
            case OrderEvent.Rejected r -> line(event.time(), "REJECTED", order.clientOrderId() + " by "
                    + order.account() + ": " + r.reason() + " " + r.message());
            case OrderEvent.Cancelled c -> line(event.time(), "CANCELED", order.clientOrderId() + " ("
                    + amount(c.filledQuantity()) + " filled)");
            case OrderEvent.Expired x -> line(event.time(), "EXPIRED", order.clientOrderId());
            default -> {
            }
        }
    }

    @Override
    public void filled(ManagedOrder order, OrderEvent.Fill fill, Position position) {
        fills++;
        line(fill.time(), "FILL", fill.side() + " " + amount(fill.quantity()) + " " + fill.symbol() + " @ "
                + amount(fill.price()) + " on " + order.account() + "  position " + amount(position.quantity())
                + "  realized on " + fill.symbol() + " " + amount(Math.round(position.realizedPnl() * 100) / 100.0));
    }

    @Override
    public void refused(OrderIntent intent, String account, Refusal refusal) {
        refusals++;
        line(intent.time(), "REFUSED", describe(intent) + ": " + refusal.code() + " — " + refusal.message());
    }

    @Override
    public void killSwitch(String reason) {
        out.println("*** KILL SWITCH THROWN: " + reason + " — no new entries until 'stratc kill --clear'");
        out.flush();
    }

    @Override
    public void warning(String message) {
        out.println("warning: " + message);
        out.flush();
    }

    @Override
    public void strategyMessage(String symbol, long when, String message, boolean notify) {
        line(when, notify ? "NOTIFY" : "LOG", symbol + ": " + message);
    }

    /** Positions, P&L, working orders, each account's rate use and health, and the risk state. */
    public void status(Engine engine) {
        Portfolio portfolio = engine.portfolio();
        out.printf(Locale.ROOT, "── status at %s ── equity %s  today %s  positions %d  working orders %d  kill switch %s%n",
                at(engine.clock()), amount(Math.round(portfolio.totalEquity())),
                amount(Math.round(portfolio.totalDailyPnl())), portfolio.openPositions().size(),
                engine.orders().working().size(), engine.risk().killSwitch().engaged() ? "THROWN" : "off");
        for (Position position : portfolio.openPositions()) {
            out.printf(Locale.ROOT, "   %-10s %-10s %12s @ %-12s last %-12s unrealized %s%n", position.account(),
                    position.symbol(), amount(position.quantity()), amount(position.entryPrice()),
                    amount(position.lastPrice()), amount(Math.round(position.unrealizedPnl())));
        }
        for (Account account : engine.pool().accounts()) {
            out.printf(Locale.ROOT, "   account %-10s %-8s load %3.0f%%  orders %d  throttled %d  errors %d%s%n",
                    account.id(), account.health(), account.load() * 100, account.orderCount(),
                    account.throttledCount(), account.errorCount(),
                    account.healthDetail().isEmpty() ? "" : "  (" + account.healthDetail() + ")");
        }
        out.printf(Locale.ROOT, "   queue %d waiting to be sent (%d exits)  stale entries dropped %d  late trades %d%n",
                engine.queued(), engine.queuedExits(), engine.droppedEntries(), engine.lateTrades());
        out.flush();
    }

    /** The session summary printed at shutdown. */
    public void summary(Engine engine, Map<String, Double> startingCash) {
        Portfolio portfolio = engine.portfolio();
        out.println();
        out.println("session summary");
        out.printf(Locale.ROOT, "  signals %d   orders %d   fills %d   refused %d%n", signals, orders, fills, refusals);
        for (String account : portfolio.accounts()) {
            double start = startingCash.getOrDefault(account, portfolio.equity(account));
            out.printf(Locale.ROOT, "  %-10s equity %s   P&L %s   open positions %d%n", account,
                    amount(Math.round(portfolio.equity(account))), amount(Math.round(portfolio.equity(account) - start)),
                    portfolio.openPositions(account).size());
        }
        out.flush();
    }
}
