package dev.stratc.brokers.kis.rest;

import dev.stratc.runtime.broker.BrokerClock;
import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kis.KisMode;
import dev.stratc.brokers.kis.symbols.KrxSymbol;
import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * History for backtests ({@code stratc data fetch kis}): daily bars over any range, one-minute bars for today and,
 * on real keys, for past days (KIS keeps about a year of them). Paged as each chart endpoint requires; bars oldest
 * first, in KST. Only closed bars: KIS also serves the minute still forming and today's daily bar while the day
 * trades, and a store that kept them would hold a "final" bar that later changes.
 */
public final class KisHistory {

    /** The bar sizes KIS serves directly. */
    public enum Timeframe {
        DAY(Duration.ofDays(1)), MINUTE(Duration.ofMinutes(1));

        private final Duration length;

        Timeframe(Duration length) {
            this.length = length;
        }

        public Duration length() {
            return length;
        }
    }

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    /**
     * When today's daily bar is final: after the last session that adds to its volume (after-hours single price
     * until 18:00; KRX's after-market reportedly runs to 20:00 from 2026-09-14, so 20:00 to be safe).
     */
    public static final LocalTime DAILY_BAR_FINAL = LocalTime.of(20, 0);

    /** The closed bars fetched, and how many unfinished ones were left out. */
    public record Fetched(List<KisBar> bars, int unfinished) {
    }

    private final KisDomesticQuotations quotations;
    private final KisMode mode;
    private final BrokerClock clock;

    public KisHistory(KisDomesticQuotations quotations, KisMode mode, BrokerClock clock) {
        this.quotations = quotations;
        this.mode = mode;
        this.clock = clock;
    }

    /**
     * The bars as the backtest's store keeps them: KRX market, times as bar <em>end</em> times (a bar labelled by
     * KIS with its start ends one timeframe later).
     */
    public static Bars toBars(String symbol, Timeframe timeframe, List<KisBar> bars) {
        Bars.Builder builder = Bars.builder(KrxSymbol.normalize(symbol), Market.KRX, timeframe.length());
        for (KisBar bar : bars) {
            long end = bar.start().atZone(KST).plus(timeframe.length()).toInstant().toEpochMilli();
            builder.add(end, bar.open().doubleValue(), bar.high().doubleValue(), bar.low().doubleValue(),
                    bar.close().doubleValue(), bar.volume());
        }
        return builder.build();
    }

    /** Closed bars of {@code symbol} from {@code from} to {@code to}, both inclusive. */
    public List<KisBar> bars(String symbol, Timeframe timeframe, LocalDate from, LocalDate to) {
        return closedBars(symbol, timeframe, from, to).bars();
    }

    /**
     * Closed bars of {@code symbol} from {@code from} to {@code to}, both inclusive: a minute bar once its minute
     * is over, today's daily bar from {@link #DAILY_BAR_FINAL} on.
     */
    public Fetched closedBars(String symbol, Timeframe timeframe, LocalDate from, LocalDate to) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.now(), KST);
        List<KisBar> closed = new ArrayList<>();
        int unfinished = 0;
        for (KisBar bar : allBars(symbol, timeframe, from, to)) {
            if (closed(bar, timeframe, now)) {
                closed.add(bar);
            } else {
                unfinished++;
            }
        }
        return new Fetched(List.copyOf(closed), unfinished);
    }

    private static boolean closed(KisBar bar, Timeframe timeframe, LocalDateTime now) {
        if (timeframe == Timeframe.DAY) {
            LocalDate day = bar.start().toLocalDate();
            return day.isBefore(now.toLocalDate()) || day.equals(now.toLocalDate())
                    && !now.toLocalTime().isBefore(DAILY_BAR_FINAL);
        }
        return !bar.start().plus(timeframe.length()).isAfter(now);
    }

    private List<KisBar> allBars(String symbol, Timeframe timeframe, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if (timeframe == Timeframe.DAY) {
            return quotations.periodBars(symbol, KisDomesticQuotations.Period.DAY, from, to, true);
        }
        LocalDate today = LocalDate.ofInstant(clock.now(), KST);
        boolean needsPastDays = from.isBefore(today);
        if (needsPastDays && mode == KisMode.PAPER) {
            throw new KisException("KIS serves past days' minute bars (FHKST03010230) to real accounts only; fetch"
                    + " minute history with a real account's keys, or limit --from to today (" + today + ")");
        }
        List<KisBar> bars = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to) && day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                bars.addAll(quotations.pastMinuteBars(symbol, day));
            }
        }
        if (!to.isBefore(today)) {
            bars.addAll(quotations.todayMinuteBars(symbol, LocalTime.of(23, 59, 59), LocalTime.MIN));
        }
        return bars;
    }
}
