package dev.stratc.compiler.check;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The strategy's own record, read as {@code strategy.equity}: its account and its closed trades so far, across
 * the universe, for sizing by Kelly or by risk. Behind a {@code strategy.} prefix so that no common word
 * ({@code equity}, {@code cash}) becomes a reserved name.
 */
public enum RecordField {
    EQUITY("equity", Kind.NUMBER, "equity()", "Cash plus every open position at its last price."),
    CASH("cash", Kind.NUMBER, "cash()", "Cash: what the open positions do not hold."),
    OPEN_POSITIONS("open_positions", Kind.NUMBER, "openPositions()", "How many symbols have an open position."),
    CLOSED_TRADES("closed_trades", Kind.NUMBER, "closedTrades()",
            "Round trips closed so far (entry to flat), across the universe."),
    WINNING_TRADES("winning_trades", Kind.NUMBER, "winningTrades()", "Closed trades with a profit after fees."),
    LOSING_TRADES("losing_trades", Kind.NUMBER, "losingTrades()", "Closed trades with a loss after fees."),
    WIN_RATE("win_rate", Kind.PERCENT, "winRatePercent()",
            "Winning trades in percent of closed trades; na before the first closed trade."),
    AVG_WIN("avg_win", Kind.NUMBER, "averageWin()", "The winners' average profit, after fees; na before the first."),
    AVG_LOSS("avg_loss", Kind.NUMBER, "averageLoss()",
            "The losers' average loss, a positive amount after fees; na before the first."),
    NET_PROFIT("net_profit", Kind.NUMBER, "netProfit()", "The closed trades' profit together, after fees."),
    MAX_DRAWDOWN("max_drawdown", Kind.PERCENT, "maxDrawdownPercent()",
            "The largest fall of equity from its peak so far, in percent, at the strategy's evaluations.");

    private static final Map<String, RecordField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RecordField::source, Function.identity()));

    private final String source;
    private final Kind kind;
    private final String accessor;
    private final String doc;

    RecordField(String source, Kind kind, String accessor, String doc) {
        this.source = source;
        this.kind = kind;
        this.accessor = accessor;
        this.doc = doc;
    }

    /** The name after {@code strategy.}. */
    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    /** The {@link dev.stratc.strategy.StrategyRecord} call that reads it, in generated code. */
    public String accessor() {
        return accessor;
    }

    public String doc() {
        return doc;
    }

    public static RecordField find(String name) {
        return BY_NAME.get(name);
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }
}
