package dev.stratc.strategy;

/**
 * The strategy's own record across its whole universe, as {@code strategy.equity}, {@code strategy.win_rate} …
 * read it: a live view the engine keeps up to date (the backtester and the runtime each implement it on their
 * books, with the same definitions). A closed trade is a round trip: from the fill that opens a position in a
 * symbol to the fill that leaves it flat, its profit net of every fee of its fills.
 */
public interface StrategyRecord {

    /** Cash plus every open position at its last price. */
    double equity();

    /** Cash: what the positions do not hold. */
    double cash();

    /** Symbols with an open position. */
    int openPositions();

    /** Round trips closed so far. */
    int closedTrades();

    /** Closed trades with a profit (above zero). */
    int winningTrades();

    /** Closed trades with a loss (below zero). */
    int losingTrades();

    /** The sum of the closed trades' profits, net of fees. */
    double netProfit();

    /** The winners' average profit; {@code NaN} before the first. */
    double averageWin();

    /** The losers' average loss, as a positive amount; {@code NaN} before the first. */
    double averageLoss();

    /** The largest fall of equity from its peak, in percent, as seen at the strategy's evaluations. */
    double maxDrawdownPercent();

    /** Winners among closed trades, in percent; {@code NaN} before the first closed trade. */
    default double winRatePercent() {
        return closedTrades() == 0 ? Double.NaN : 100.0 * winningTrades() / closedTrades();
    }

    /** What an evaluation reads before an engine binds its record: nothing known. */
    static StrategyRecord unknown() {
        return Unknown.INSTANCE;
    }

    /** A strategy that reads {@code strategy.*}: the engine hands it its record once, before the first bar. */
    interface Reader {
        void bindRecord(StrategyRecord record);

        /** Whether the rules read the record at all: engines skip keeping the drawdown for those that do not. */
        boolean readsRecord();
    }

    enum Unknown implements StrategyRecord {
        INSTANCE;

        public double equity() {
            return Double.NaN;
        }

        public double cash() {
            return Double.NaN;
        }

        public int openPositions() {
            return 0;
        }

        public int closedTrades() {
            return 0;
        }

        public int winningTrades() {
            return 0;
        }

        public int losingTrades() {
            return 0;
        }

        public double netProfit() {
            return 0;
        }

        public double averageWin() {
            return Double.NaN;
        }

        public double averageLoss() {
            return Double.NaN;
        }

        public double maxDrawdownPercent() {
            return 0;
        }
    }
}
