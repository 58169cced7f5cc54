package dev.stratc.backtest;

import java.util.HashMap;
import java.util.Map;

import dev.stratc.strategy.StrategyRecord;

/**
 * The strategy's own record ({@code strategy.equity}, {@code strategy.win_rate} …), kept the same way by the
 * backtester and by the runtime so that a paper run reads what the backtest reads: equity, cash and open positions
 * come from the engine's books at the moment they are read; closed trades are counted here as round trips, from
 * the fill that opens a position to the one that leaves it flat, with their profit net of every fee.
 */
public final class TradeLedger implements StrategyRecord {

    /** Where the account's figures are read from. */
    public interface Books {
        double equity();

        double cash();

        int openPositions();
    }

    private final Books books;
    private int closed;
    private int wins;
    private int losses;
    private double won;
    private double lost;
    private double peak = Double.NaN;
    private double maxDrawdown;
    /** Per open position (account and symbol), what its books had realized before it opened. */
    private final Map<String, Double> realizedAtOpen = new HashMap<>();

    public TradeLedger(Books books) {
        this.books = books;
    }

    /** A round trip has closed with this profit, net of the fees of its fills. */
    public void closed(double pnl) {
        closed++;
        if (pnl > 0) {
            wins++;
            won += pnl;
        } else if (pnl < 0) {
            losses++;
            lost -= pnl;
        }
    }

    /**
     * A fill changed a position that keeps a running realized profit (net of fees): opening it notes where that
     * stood, flattening (or turning) it closes a round trip with the difference.
     */
    public void filled(String position, double quantityBefore, double realizedBefore, double quantityAfter,
                       double realizedAfter) {
        boolean flat = Math.abs(quantityAfter) <= 1e-12;
        if (quantityBefore == 0) {
            if (!flat) {
                realizedAtOpen.put(position, realizedBefore);
            }
            return;
        }
        if (flat || Math.signum(quantityAfter) != Math.signum(quantityBefore)) {
            Double start = realizedAtOpen.remove(position);
            closed(realizedAfter - (start == null ? realizedBefore : start));
            if (!flat) {
                realizedAtOpen.put(position, realizedAfter);
            }
        }
    }

    /** Notes the equity at an evaluation, for the drawdown. */
    public void observe() {
        double equity = books.equity();
        if (!(equity > 0)) {
            return;
        }
        if (!(equity <= peak)) {
            peak = equity;
        } else {
            maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak * 100);
        }
    }

    @Override
    public double equity() {
        return books.equity();
    }

    @Override
    public double cash() {
        return books.cash();
    }

    @Override
    public int openPositions() {
        return books.openPositions();
    }

    @Override
    public int closedTrades() {
        return closed;
    }

    @Override
    public int winningTrades() {
        return wins;
    }

    @Override
    public int losingTrades() {
        return losses;
    }

    @Override
    public double netProfit() {
        return won - lost;
    }

    @Override
    public double averageWin() {
        return wins == 0 ? Double.NaN : won / wins;
    }

    @Override
    public double averageLoss() {
        return losses == 0 ? Double.NaN : lost / losses;
    }

    @Override
    public double maxDrawdownPercent() {
        return maxDrawdown;
    }
}
