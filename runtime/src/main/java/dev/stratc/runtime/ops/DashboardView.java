package dev.stratc.runtime.ops;

import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows: built on the engine thread from the engine and the {@link DashboardFeed}, then handed
 * whole to the HTTP threads (immutable), like {@link HealthServer.Snapshot}. Amounts stay in each account's own
 * currency; the equity curve is one series per currency.
 */
public record DashboardView(HealthServer.Snapshot status, List<AccountRow> accounts, List<PositionRow> positions,
                            List<OrderRow> orders, List<SignalRow> signals, List<FillRow> fills,
                            List<EquityPoint> equity) {
    public DashboardView {
        accounts = List.copyOf(accounts);
        positions = List.copyOf(positions);
        orders = List.copyOf(orders);
        signals = List.copyOf(signals);
        fills = List.copyOf(fills);
        equity = List.copyOf(equity);
    }

    public record AccountRow(String id, String currency, double cash, double equity, double unrealizedPnl) {
    }

    public record PositionRow(String account, String symbol, double quantity, double entryPrice, double lastPrice,
                              double unrealizedPnl) {
    }

    public record OrderRow(String account, String clientOrderId, String symbol, String side, String type,
                           double quantity, double limitPrice, String state) {
    }

    public record SignalRow(long time, String symbol, String name) {
    }

    public record FillRow(long time, String account, String symbol, String side, double quantity, double price) {
    }

    /** Equity by currency at a market time. */
    public record EquityPoint(long time, Map<String, Double> equity) {
        public EquityPoint {
            equity = Map.copyOf(equity);
        }
    }
}
