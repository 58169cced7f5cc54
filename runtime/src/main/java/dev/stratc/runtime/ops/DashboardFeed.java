package dev.stratc.runtime.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.engine.Engine;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.strategy.Signal;

/**
 * The dashboard's memory of the session, kept on the engine thread: the last signals and fills (it listens to the
 * run's events) and the equity curve (a point per {@link #view}). Only {@link #view} leaves this class, as an
 * immutable {@link DashboardView}; the HTTP threads never see the engine.
 */
public final class DashboardFeed implements RunEvents {
    static final int LAST = 20;
    /** Points kept; when full, every other one is dropped so the whole session stays drawn at half the detail. */
    static final int CURVE_POINTS = 1_000;

    private final Deque<DashboardView.SignalRow> signals = new ArrayDeque<>();
    private final Deque<DashboardView.FillRow> fills = new ArrayDeque<>();
    private final List<DashboardView.EquityPoint> curve = new ArrayList<>();

    @Override
    public void signal(Signal signal) {
        remember(signals, new DashboardView.SignalRow(signal.time(), signal.symbol(), signal.name()));
    }

    @Override
    public void filled(ManagedOrder order, OrderEvent.Fill fill, Position position) {
        remember(fills, new DashboardView.FillRow(fill.time(), order.account(), fill.symbol(), fill.side().name(),
                fill.quantity(), fill.price()));
    }

    private static <T> void remember(Deque<T> rows, T row) {
        rows.addFirst(row);
        if (rows.size() > LAST) {
            rows.removeLast();
        }
    }

    /** What the dashboard shows now; call on the engine thread. */
    public DashboardView view(Engine engine, HealthServer.Snapshot status) {
        var portfolio = engine.portfolio();
        long time = engine.clock();
        if (time > 0 && !status.equity().isEmpty()
                && (curve.isEmpty() || curve.getLast().time() < time)) {
            curve.add(new DashboardView.EquityPoint(time, status.equity()));
            if (curve.size() > CURVE_POINTS) {
                for (int i = curve.size() - 2; i > 0; i -= 2) {
                    curve.remove(i);
                }
            }
        }
        List<DashboardView.AccountRow> accounts = portfolio.accounts().stream()
                .map(a -> new DashboardView.AccountRow(a, portfolio.currency(a), portfolio.cash(a), portfolio.equity(a),
                        portfolio.openPositions(a).stream().mapToDouble(Position::unrealizedPnl).sum()))
                .toList();
        List<DashboardView.PositionRow> positions = portfolio.openPositions().stream()
                .map(p -> new DashboardView.PositionRow(p.account(), p.symbol(), p.quantity(), p.entryPrice(),
                        p.lastPrice(), p.unrealizedPnl()))
                .toList();
        List<DashboardView.OrderRow> orders = engine.orders().working().stream()
                .map(o -> new DashboardView.OrderRow(o.account(), o.intent().clientOrderId(), o.intent().symbol(),
                        o.intent().side().name(), o.intent().type().name(), o.intent().quantity(),
                        o.intent().limitPrice(), o.state().name()))
                .toList();
        return new DashboardView(status, accounts, positions, orders, List.copyOf(signals), List.copyOf(fills), curve);
    }
}
