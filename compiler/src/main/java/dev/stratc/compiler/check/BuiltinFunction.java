package dev.stratc.compiler.check;

import static dev.stratc.compiler.check.Kind.ACCOUNT;
import static dev.stratc.compiler.check.Kind.BOOLEAN;
import static dev.stratc.compiler.check.Kind.DURATION;
import static dev.stratc.compiler.check.Kind.NUMBER;
import static dev.stratc.compiler.check.Kind.PAYLOAD;
import static dev.stratc.compiler.check.Kind.PERCENT;
import static dev.stratc.compiler.check.Kind.QUANTITY;
import static dev.stratc.compiler.check.Kind.STRING;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.stratc.compiler.ast.Member.BlockKind;

/**
 * The language's own functions and actions: what is not an indicator and so not in the function catalogue.
 * Actions ({@link Role#ACTION}) are statements; sizing and account functions only appear as arguments of
 * {@code buy}/{@code sell}.
 */
public enum BuiltinFunction {
    SECONDS("seconds", Role.VALUE, DURATION, "A duration of n seconds.", number("n")),
    MINUTES("minutes", Role.VALUE, DURATION, "A duration of n minutes: minutes(30) is the same as 30m.", number("n")),
    HOURS("hours", Role.VALUE, DURATION, "A duration of n hours.", number("n")),
    DAYS("days", Role.VALUE, DURATION, "A duration of n days.", number("n")),
    NZ("nz", Role.VALUE, null, "x, or the default (0) where x is na.",
            Slot.required("x", Set.of(NUMBER, PERCENT, DURATION), false, "The value."),
            Slot.withDefault("default", Set.of(NUMBER, PERCENT, DURATION), false, "0", "Used where x is na.")),
    IS_NA("is_na", Role.VALUE, BOOLEAN, "Whether x is na (not enough data yet).",
            Slot.required("x", Set.of(NUMBER, PERCENT, DURATION), false, "The value.")),
    TIME_BETWEEN("time_between", Role.VALUE, BOOLEAN,
            "Whether the bar's time of day, on the exchange's clock, is between two times (both included).",
            Slot.required("from", Set.of(STRING), true, "The start, \"HH:MM\"."),
            Slot.required("to", Set.of(STRING), true, "The end, \"HH:MM\".")),
    VALUE_AT("value_at", Role.VALUE, null,
            "The value x had at the session's first bar ending at or after this time of day (exchange clock), "
                    + "held for the rest of the session; na before it.",
            Slot.required("time", Set.of(STRING), true, "The time of day, \"HH:MM\", e.g. \"09:30\"."),
            Slot.required("x", Set.of(NUMBER, PERCENT, DURATION), false, "The value to take, e.g. close.")),
    OPENING_HIGH("opening_high", Role.VALUE, NUMBER,
            "The highest high of the session's bars within its first window (the opening range); na until the "
                    + "window has passed.",
            Slot.required("window", Set.of(DURATION), true, "How long the opening range lasts, e.g. 30m.")),
    OPENING_LOW("opening_low", Role.VALUE, NUMBER,
            "The lowest low of the session's bars within its first window; na until the window has passed.",
            Slot.required("window", Set.of(DURATION), true, "How long the opening range lasts, e.g. 30m.")),

    CALCULATE_POSITION_SIZE("calculate_position_size", Role.SIZING, QUANTITY,
            "The size the run's risk settings give (stratc backtest --size, the live risk profile)."),
    PERCENT_OF_EQUITY("percent_of_equity", Role.SIZING, QUANTITY, "Spend this percent of the account's equity.",
            Slot.required("percent", Set.of(PERCENT), false, "How much of the equity, e.g. 10%.")),
    RISK_POSITION_SIZE("risk_position_size", Role.SIZING, QUANTITY,
            "Size so that a move of stop_distance against the position loses risk of the equity.",
            Slot.required("risk", Set.of(PERCENT), false, "Equity at risk per trade, e.g. 1%."),
            Slot.required("stop_distance", Set.of(PERCENT), false, "Distance to the stop, e.g. 2%.")),
    KELLY_POSITION_SIZE("kelly_position_size", Role.SIZING, QUANTITY,
            "Fractional Kelly: fraction × (win_rate − (1 − win_rate) / payoff) of the equity.",
            Slot.required("win_rate", Set.of(PERCENT), false, "The share of winning trades, e.g. 55%."),
            Slot.required("payoff", Set.of(NUMBER), false, "Average win divided by average loss."),
            Slot.withDefault("fraction", Set.of(NUMBER), false, "0.5", "The part of full Kelly to bet.")),
    SELECT_BEST_ACCOUNT("select_best_account", Role.ACCOUNT, ACCOUNT,
            "The pool's least-loaded healthy account."),
    ACCOUNT_BY_ID("account", Role.ACCOUNT, ACCOUNT, "The account with this id in the pool configuration.",
            Slot.required("id", Set.of(STRING), true, "The account id, e.g. \"KIS_001\".")),

    BUY("buy", Role.ACTION, null, "Buys: opens a long position in entry, covers a short in exit.",
            Slot.withDefault("quantity", Set.of(QUANTITY, NUMBER, PERCENT, STRING), false, "calculate_position_size()",
                    "How much: a number of units, a percent of equity, or a sizing function."),
            Slot.withDefault("type", Set.of(STRING), true, "\"market\"", "\"market\", \"limit\", \"stop\" or \"stop_limit\"."),
            Slot.optional("price", Set.of(NUMBER), false, "The limit price (limit and stop-limit orders)."),
            Slot.optional("account", Set.of(ACCOUNT), false, "Which account of the pool carries the order."),
            Slot.optional("tag", Set.of(STRING), true, "A label for reports and the journal."),
            Slot.optional("stop", Set.of(NUMBER), false, "The trigger price of a stop or stop-limit order."),
            Slot.optional("expire", Set.of(NUMBER, DURATION, STRING), true,
                    "How long a limit or stop order rests: a number of bars, a duration, or \"day\"."),
            Slot.optional("once", Set.of(BOOLEAN), true, "true: at most once per position (exit only).")),
    SELL("sell", Role.ACTION, null, "Sells: closes a long position in exit, opens a short in entry (allow_short).",
            Slot.withDefault("quantity", Set.of(QUANTITY, NUMBER, PERCENT, STRING), false, "\"all\"",
                    "\"all\", a number of units, or a percent of the position (50%)."),
            Slot.withDefault("type", Set.of(STRING), true, "\"market\"", "\"market\", \"limit\", \"stop\" or \"stop_limit\"."),
            Slot.optional("price", Set.of(NUMBER), false, "The limit price (limit and stop-limit orders)."),
            Slot.optional("account", Set.of(ACCOUNT), false, "Which account of the pool carries the order."),
            Slot.optional("tag", Set.of(STRING), true, "A label for reports and the journal."),
            Slot.optional("stop", Set.of(NUMBER), false, "The trigger price of a stop or stop-limit order."),
            Slot.optional("expire", Set.of(NUMBER, DURATION, STRING), true,
                    "How long a limit or stop order rests: a number of bars, a duration, or \"day\"."),
            Slot.optional("once", Set.of(BOOLEAN), true,
                    "true: the order is given at most once per position (a partial exit, an add).")),
    SIGNAL("signal", Role.ACTION, null, "Emits a named signal for this symbol, with a payload.",
            Slot.required("name", Set.of(STRING), true, "The signal's name."),
            Slot.optional("payload", Set.of(PAYLOAD), false, "{ key: value, … }, read as signal.key in entry.")),
    LOG("log", Role.ACTION, null, "Writes its arguments, joined, to the run's log.",
            Slot.optional("message", Set.of(STRING, NUMBER, PERCENT, DURATION, BOOLEAN), false, "Text or values.")),
    PLOT("plot", Role.ACTION, null,
            "Draws a value as a line on the symbol's chart in report.html, at every bar, wherever it is written.",
            Slot.required("name", Set.of(STRING), true, "The line's name in the chart's legend."),
            Slot.required("value", Set.of(NUMBER, PERCENT, DURATION, BOOLEAN), false, "What to draw."),
            Slot.optional("overlay", Set.of(BOOLEAN), true,
                    "true: on the price pane; false: a pane of its own (default: on the price pane for a price).")),
    NOTIFY("notify", Role.ACTION, null, "Sends its arguments, joined, through the run's notification channels.",
            Slot.optional("message", Set.of(STRING, NUMBER, PERCENT, DURATION, BOOLEAN), false, "Text or values.")),
    STOP_LOSS("stop_loss", Role.STOP, null,
            "Closes the position when it has lost this percent from the entry, or when the price reaches price:.",
            Slot.optional("percent", Set.of(PERCENT), true, "e.g. 2%."),
            Slot.optional("price", Set.of(NUMBER), false, "The stop's price, e.g. entry_price - 3 * tick.")),
    TAKE_PROFIT("take_profit", Role.STOP, null,
            "Closes the position when it has gained this percent, or when the price reaches price:.",
            Slot.optional("percent", Set.of(PERCENT), true, "e.g. 4%."),
            Slot.optional("price", Set.of(NUMBER), false, "The target's price, e.g. entry_price + 2 * atr(14).")),
    TRAILING_STOP("trailing_stop", Role.STOP, null,
            "Closes the position when the price falls this percent, or this distance, from its best since entry.",
            Slot.required("distance", Set.of(PERCENT, NUMBER), false,
                    "A constant percent (0.3%) or a distance in price (atr(14) * 2).")),
    TIME_STOP("time_stop", Role.STOP, null, "Closes the position when it has been open this long.",
            Slot.required("after", Set.of(DURATION), true, "e.g. 15m.")),
    CANCEL("cancel", Role.ACTION, null,
            "Cancels the symbol's resting limit and stop orders, or only those with this tag.",
            Slot.optional("tag", Set.of(STRING), true, "Only the orders given this tag."));

    /** Where a built-in may appear. */
    public enum Role { VALUE, SIZING, ACCOUNT, ACTION, STOP }

    private static final Map<String, BuiltinFunction> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(BuiltinFunction::source, Function.identity()));

    private final String source;
    private final Role role;
    private final Kind returns;
    private final String doc;
    private final List<Slot> slots;

    BuiltinFunction(String source, Role role, Kind returns, String doc, Slot... slots) {
        this.source = source;
        this.role = role;
        this.returns = returns;
        this.doc = doc;
        this.slots = List.of(slots);
    }

    private static Slot number(String name) {
        return Slot.required(name, Set.of(NUMBER), false, "How many.");
    }

    public String source() {
        return source;
    }

    public Role role() {
        return role;
    }

    /** The kind of value; {@code null} for actions, and for {@code nz} and {@code value_at}, of their argument's kind. */
    public Kind returns() {
        return returns;
    }

    public String doc() {
        return doc;
    }

    public List<Slot> slots() {
        return slots;
    }

    /** log and notify take any number of values. */
    public boolean variadic() {
        return this == LOG || this == NOTIFY;
    }

    public boolean isStatement() {
        return role == Role.ACTION || role == Role.STOP;
    }

    /** The blocks where this action may be written, before allow_short widens buy and sell. */
    public Set<BlockKind> blocks() {
        return switch (this) {
            case BUY -> Set.of(BlockKind.ENTRY);
            case SELL, STOP_LOSS, TAKE_PROFIT, TRAILING_STOP, TIME_STOP -> Set.of(BlockKind.EXIT);
            case SIGNAL -> Set.of(BlockKind.SCAN);
            case CANCEL -> Set.of(BlockKind.ENTRY, BlockKind.EXIT);
            default -> Set.of(BlockKind.SCAN, BlockKind.ENTRY, BlockKind.EXIT);
        };
    }

    public static BuiltinFunction find(String name) {
        return BY_NAME.get(name);
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }
}
