package dev.stratc.compiler.check;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The names every strategy can read without declaring them: the bar, the quote, the position. */
public enum BuiltinSeries {
    OPEN("open", Kind.NUMBER, "The bar's opening price."),
    HIGH("high", Kind.NUMBER, "The bar's highest price."),
    LOW("low", Kind.NUMBER, "The bar's lowest price."),
    CLOSE("close", Kind.NUMBER, "The bar's closing price: the last trade when the bar closed."),
    VOLUME("volume", Kind.NUMBER, "The volume traded in the bar."),
    PRICE("price", Kind.NUMBER, "The current price: the close of the bar being evaluated."),
    HL2("hl2", Kind.NUMBER, "(high + low) / 2."),
    HLC3("hlc3", Kind.NUMBER, "(high + low + close) / 3, the typical price."),
    OHLC4("ohlc4", Kind.NUMBER, "(open + high + low + close) / 4."),
    BID_PRICE("bid_price", Kind.NUMBER, "Best bid at the bar close where quotes are known, otherwise the close."),
    ASK_PRICE("ask_price", Kind.NUMBER, "Best ask at the bar close where quotes are known, otherwise the close."),
    SYMBOL("symbol", Kind.STRING, "The symbol being evaluated, e.g. \"005930\" or \"BTCUSDT\"."),
    TIME("time", Kind.NUMBER, "The bar's end time, in milliseconds since 1970-01-01 UTC."),
    BAR_INDEX("bar_index", Kind.NUMBER, "The bar's number for this symbol: 0 for the first bar."),
    NA("na", Kind.NUMBER, "No value: what an indicator gives before it has enough data."),
    HAS_POSITION("has_position", Kind.BOOLEAN, "Whether a position in this symbol is open."),
    POSITION_QUANTITY("position_quantity", Kind.NUMBER,
            "The open quantity: positive when long, negative when short, 0 when flat."),
    ENTRY_PRICE("entry_price", Kind.NUMBER, "The average entry price of the open position; na when flat."),
    POSITION_PROFIT_PERCENT("position_profit_percent", Kind.PERCENT,
            "The open position's profit at the current price, in percent of the entry price; na when flat."),
    POSITION_LOSS_PERCENT("position_loss_percent", Kind.PERCENT,
            "The open position's loss in percent of the entry price, positive when losing; na when flat."),
    POSITION_PNL("position_pnl", Kind.NUMBER, "The open position's profit or loss in money; na when flat."),
    TIME_SINCE_ENTRY("time_since_entry", Kind.DURATION, "How long the position has been open; na when flat."),
    BARS_SINCE_ENTRY("bars_since_entry", Kind.NUMBER, "How many bars ago the position was opened; na when flat."),
    POSITION_ENTRIES("position_entries", Kind.NUMBER,
            "How many entries (units) the open position holds: 1, or more when the strategy pyramids; 0 when flat."),
    FIRST_ENTRY_PRICE("first_entry_price", Kind.NUMBER, "The fill price of the position's first entry; na when flat."),
    LAST_ENTRY_PRICE("last_entry_price", Kind.NUMBER, "The fill price of the position's latest entry; na when flat."),
    BARS_SINCE_LAST_ENTRY("bars_since_last_entry", Kind.NUMBER,
            "How many bars ago the position's latest entry filled; na when flat."),
    SESSION_OPEN("session_open", Kind.BOOLEAN,
            "True on the session's first bar: the first bar of a trading day on the exchange's clock."),
    SESSION_HIGH("session_high", Kind.NUMBER, "The session's highest high so far, this bar included."),
    SESSION_LOW("session_low", Kind.NUMBER, "The session's lowest low so far, this bar included."),
    MINUTES_SINCE_OPEN("minutes_since_open", Kind.NUMBER,
            "Minutes from the session's open to this bar's end: 30 at the bar ending 09:30 of a 09:00 open."),
    WEEKDAY("weekday", Kind.NUMBER, "The session's day of the week: 1 for Monday … 7 for Sunday."),
    DAY_OF_MONTH("day_of_month", Kind.NUMBER, "The session's day of the month, 1 … 31.");

    /** The series that follow the trading session (one per symbol, on the strategy's own bars). */
    public boolean isSession() {
        return switch (this) {
            case SESSION_OPEN, SESSION_HIGH, SESSION_LOW, MINUTES_SINCE_OPEN, WEEKDAY, DAY_OF_MONTH -> true;
            default -> false;
        };
    }

    private static final Map<String, BuiltinSeries> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(BuiltinSeries::source, Function.identity()));

    private final String source;
    private final Kind kind;
    private final String doc;

    BuiltinSeries(String source, Kind kind, String doc) {
        this.source = source;
        this.kind = kind;
        this.doc = doc;
    }

    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    public String doc() {
        return doc;
    }

    public static BuiltinSeries find(String name) {
        return BY_NAME.get(name);
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }
}
