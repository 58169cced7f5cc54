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
import dev.stratc.runtime.portfolio.Holding;
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
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        // crypto quantities need their eight decimals: 0.00999 BTC must not read 0.0100
        return new java.text.DecimalFormat("#,##0.########", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(value);
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
    public void note(String message) {
        out.println("note: " + message);
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

    /**
     * Positions, P&L, working orders, each account's figures in its currency, rate use and health, the holdings
     * the strategy does not trade, and the risk state.
     */
    public void status(Engine engine) {
        Portfolio portfolio = engine.portfolio();
        out.printf(Locale.ROOT, "── status at %s ── equity %s  today %s  positions %d  working orders %d  kill switch %s%n",
                at(engine.clock()), inCurrencies(portfolio.equityByCurrency()),
                inCurrencies(portfolio.dailyPnlByCurrency()), portfolio.openPositions().size(),
                engine.orders().working().size(), engine.risk().killSwitch().engaged() ? "THROWN" : "off");
        for (Position position : portfolio.openPositions()) {
            out.printf(Locale.ROOT, "   %-10s %-10s %12s @ %-12s last %-12s unrealized %s%s%n", position.account(),
                    position.symbol(), amount(position.quantity()), amount(position.entryPrice()),
                    amount(position.lastPrice()), money(position.unrealizedPnl()),
                    liquidationPart(engine, position.account(), position.symbol()));
        }
        for (Holding holding : portfolio.holdings()) {
            out.printf(Locale.ROOT, "   %-10s %-10s %12s %s, last %s%s%n", holding.account(), holding.symbol(),
                    amount(holding.quantity()), holding.kind().description(),
                    holding.priced() ? amount(holding.lastPrice()) : "unknown (counted as 0)",
                    liquidationPart(engine, holding.account(), holding.symbol()));
        }
        for (Account account : engine.pool().accounts()) {
            String id = account.id();
            String currency = portfolio.currency(id);
            out.printf(Locale.ROOT, "   account %-10s %-8s cash %s %s  equity %s %s  today %s %s%s  load %3.0f%%  orders %d"
                            + "  throttled %d  errors %d%s%n",
                    id, account.health(), money(portfolio.cash(id)), currency, money(portfolio.equity(id)), currency,
                    money(portfolio.dailyPnl(id)), currency, fundingPart(portfolio, id) + marginPart(engine, id),
                    account.load() * 100,
                    account.orderCount(),
                    account.throttledCount(), account.errorCount(),
                    account.healthDetail().isEmpty() ? "" : "  (" + account.healthDetail() + ")");
        }
        out.printf(Locale.ROOT, "   queue %d waiting to be sent (%d exits)  stale entries dropped %d  late trades %d%n",
                engine.queued(), engine.queuedExits(), engine.droppedEntries(), engine.lateTrades());
        out.flush();
    }

    /** {@code  funding -1.25 USDT} in an account's status line once any funding was booked, else nothing. */
    private static String fundingPart(Portfolio portfolio, String account) {
        if (portfolio.fundingBySymbol(account).isEmpty()) {
            return "";
        }
        return "  funding " + signedAmount(portfolio.fundingTotal(account)) + " " + portfolio.currency(account);
    }

    /** {@code  margin ratio 1.2 % (max 50.0 %)} for a margin account, else nothing. */
    private static String marginPart(Engine engine, String account) {
        return engine.margin(account).map(m -> {
            double max = engine.pool().account(account).limits().maxMarginRatio();
            return String.format(Locale.ROOT, "  margin ratio %.1f %%", m.marginRatio() * 100)
                    + (max > 0 ? String.format(Locale.ROOT, " (max %.1f %%)", max * 100) : "");
        }).orElse("");
    }

    /** {@code  liquidation 39,480 (33.1 % away)} for a position bought on margin, else nothing. */
    private static String liquidationPart(Engine engine, String account, String symbol) {
        return engine.margin(account).flatMap(m -> m.position(symbol))
                .filter(p -> !Double.isNaN(p.liquidationDistancePercent()))
                .map(p -> String.format(Locale.ROOT, "  liquidation %s (%.1f %% away)", amount(p.liquidationPrice()),
                        p.liquidationDistancePercent()))
                .orElse("");
    }

    /** Funding is cents on a small position: shown to the cent, signed ({@code +0.42}, {@code -1.25}). */
    static String signedAmount(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }

    /** A money figure rounded to whole units of its currency; {@code -} when it is not known. */
    static String money(double value) {
        return Double.isNaN(value) ? "-" : amount(Math.round(value));
    }

    /** Figures per currency: {@code 1,000,000 KRW + 10,000 USDT}; one currency alone when all accounts share it. */
    static String inCurrencies(Map<String, Double> byCurrency) {
        if (byCurrency.isEmpty()) {
            return "0";
        }
        return byCurrency.entrySet().stream()
                .map(e -> money(e.getValue()) + (e.getKey().isEmpty() ? "" : " " + e.getKey()))
                .collect(Collectors.joining(" + "));
    }

    /** The session summary printed at shutdown. */
    public void summary(Engine engine, Map<String, Double> startingCash) {
        Portfolio portfolio = engine.portfolio();
        out.println();
        out.println("session summary");
        out.printf(Locale.ROOT, "  signals %d   orders %d   fills %d   refused %d%n", signals, orders, fills, refusals);
        for (String account : portfolio.accounts()) {
            // the run's P&L is what it traded: holdings outside the strategy are in the equity, not in the P&L
            double start = startingCash.getOrDefault(account, portfolio.tradingEquity(account));
            String currency = portfolio.currency(account).isEmpty() ? "" : " " + portfolio.currency(account);
            out.printf(Locale.ROOT, "  %-10s equity %s%s   P&L %s%s (fees and taxes included)   today %s%s"
                            + "   open positions %d%n", account, money(portfolio.equity(account)), currency,
                    money(portfolio.tradingEquity(account) - start), currency, money(portfolio.dailyPnl(account)),
                    currency, portfolio.openPositions(account).size());
            for (Holding holding : portfolio.holdings(account)) {
                out.printf(Locale.ROOT, "  %-10s %s %s %s (not traded by the strategy)%n", "",
                        amount(holding.quantity()), holding.symbol(), holding.kind().description());
            }
            if (!portfolio.fundingBySymbol(account).isEmpty()) {
                out.printf(Locale.ROOT, "  %-10s funding %s%s (%s; in the P&L above)%n", "",
                        signedAmount(portfolio.fundingTotal(account)), currency,
                        portfolio.fundingBySymbol(account).entrySet().stream()
                                .map(e -> e.getKey() + " " + signedAmount(e.getValue())).collect(Collectors.joining(", ")));
            }
            portfolio.feesInOtherAssets(account).forEach((asset, fee) -> out.printf(Locale.ROOT,
                    "  %-10s fees paid in %s: %s (not in the P&L above)%n", "", asset, amount(fee)));
        }
        out.flush();
    }
}
