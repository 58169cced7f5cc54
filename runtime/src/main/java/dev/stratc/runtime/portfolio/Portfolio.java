package dev.stratc.runtime.portfolio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Positions, cash and P&L of every account of a run, from the fills the runtime applied. The engine thread
 * owns it; the status view and the metrics read {@link #snapshot()}.
 */
public final class Portfolio {
    private final Map<String, Map<String, Position>> byAccount = new LinkedHashMap<>();
    private final Map<String, Double> cash = new LinkedHashMap<>();
    private final Map<String, Double> lastPrices = new HashMap<>();
    private final Map<String, Double> dayStartEquity = new HashMap<>();

    public void setCash(String account, double amount) {
        cash.put(account, amount);
        dayStartEquity.putIfAbsent(account, amount);
    }

    public double cash(String account) {
        return cash.getOrDefault(account, 0.0);
    }

    public Position position(String account, String symbol) {
        return byAccount.computeIfAbsent(account, a -> new LinkedHashMap<>())
                .computeIfAbsent(symbol, s -> new Position(account, symbol));
    }

    /** Applies a fill to the account's books. */
    public void fill(String account, String symbol, double signedQuantity, double price, double commission,
                     long time, int barIndex) {
        position(account, symbol).apply(signedQuantity, price, commission, time, barIndex);
        cash.merge(account, -signedQuantity * price - commission, Double::sum);
        lastPrices.put(symbol, price);
    }

    public void mark(String symbol, double price) {
        lastPrices.put(symbol, price);
        for (Map<String, Position> positions : byAccount.values()) {
            Position position = positions.get(symbol);
            if (position != null) {
                position.mark(price);
            }
        }
    }

    public double lastPrice(String symbol) {
        return lastPrices.getOrDefault(symbol, Double.NaN);
    }

    /** The signed quantity of a symbol summed over every account. */
    public double quantity(String symbol) {
        double total = 0;
        for (Map<String, Position> positions : byAccount.values()) {
            Position position = positions.get(symbol);
            if (position != null) {
                total += position.quantity();
            }
        }
        return total;
    }

    public List<Position> openPositions(String account) {
        List<Position> open = new ArrayList<>();
        for (Position position : byAccount.getOrDefault(account, Map.of()).values()) {
            if (position.quantity() != 0) {
                open.add(position);
            }
        }
        return open;
    }

    public List<Position> openPositions() {
        List<Position> open = new ArrayList<>();
        for (String account : byAccount.keySet()) {
            open.addAll(openPositions(account));
        }
        return open;
    }

    /** Gross exposure: the sum of absolute position values. */
    public double exposure(String account) {
        double total = 0;
        for (Position position : openPositions(account)) {
            total += Math.abs(position.value());
        }
        return total;
    }

    public double totalExposure() {
        double total = 0;
        for (String account : byAccount.keySet()) {
            total += exposure(account);
        }
        return total;
    }

    public double equity(String account) {
        double equity = cash(account);
        for (Position position : openPositions(account)) {
            equity += position.value();
        }
        return equity;
    }

    public double totalEquity() {
        double total = 0;
        for (String account : cash.keySet()) {
            total += equity(account);
        }
        return total;
    }

    /** Today's P&L of an account: equity now against equity at the start of the day. */
    public double dailyPnl(String account) {
        return equity(account) - dayStartEquity.getOrDefault(account, equity(account));
    }

    public double totalDailyPnl() {
        double total = 0;
        for (String account : cash.keySet()) {
            total += dailyPnl(account);
        }
        return total;
    }

    /** Starts a new trading day: today's P&L counts from the equity now. */
    public void newDay() {
        for (String account : cash.keySet()) {
            dayStartEquity.put(account, equity(account));
        }
    }

    public List<String> accounts() {
        return List.copyOf(cash.keySet());
    }
}
