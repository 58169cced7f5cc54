package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Daily ({@code ka10081}) and one-minute ({@code ka10080}) bars, adjusted prices ({@code upd_stkpc_tp "1"}), paged
 * backwards from the last day until the first day is reached, and only bars that are over: a minute bar once its
 * minute has passed (its {@code cntr_tm} is taken as its start — the spec does not say; a start time is the safe
 * reading, as it never keeps a forming bar), today's daily bar from {@link #DAILY_BAR_FINAL} KST.
 */
public final class KiwoomHistory {
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter YMDHMS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** After the closing auction and the after-hours sessions: today's daily bar no longer changes. */
    public static final LocalTime DAILY_BAR_FINAL = LocalTime.of(18, 0);

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

    /** One bar; {@code start} in KST. */
    public record Bar(LocalDateTime start, double open, double high, double low, double close, double volume) {
    }

    /** The closed bars, and how many unfinished ones were left out. */
    public record Fetched(List<Bar> bars, int unfinished) {
    }

    private final KiwoomRest rest;
    private final BrokerClock clock;

    public KiwoomHistory(KiwoomRest rest, BrokerClock clock) {
        this.rest = rest;
        this.clock = clock;
    }

    public Fetched closedBars(String symbol, Timeframe timeframe, LocalDate from, LocalDate to) {
        String code = KiwoomNumbers.code(symbol);
        if (!KiwoomNumbers.isKrxCode(code)) {
            throw new IllegalArgumentException("'" + symbol + "' is not a KRX code (6 characters such as 005930)");
        }
        boolean daily = timeframe == Timeframe.DAY;
        ObjectNode body = KiwoomJson.MAPPER.createObjectNode().put("stk_cd", code);
        if (daily) {
            body.put("base_dt", to.format(YMD));
        } else {
            body.put("tic_scope", "1");
        }
        body.put("upd_stkpc_tp", "1");
        String list = daily ? "stk_dt_pole_chart_qry" : "stk_min_pole_chart_qry";
        LocalDateTime first = from.atStartOfDay();
        // rows come newest first: stop paging once a page reaches back before the first day
        List<JsonNode> pages = rest.pages(daily ? "ka10081" : "ka10080", KiwoomRest.CHART, body, page -> {
            List<JsonNode> rows = KiwoomJson.rows(page, list);
            return !rows.isEmpty() && !start(rows.get(rows.size() - 1), daily).isBefore(first);
        });
        TreeMap<LocalDateTime, Bar> bars = new TreeMap<>();
        for (JsonNode page : pages) {
            for (JsonNode row : KiwoomJson.rows(page, list)) {
                LocalDateTime start = start(row, daily);
                if (start.isBefore(first) || start.toLocalDate().isAfter(to)) {
                    continue;
                }
                bars.put(start, new Bar(start, KiwoomNumbers.priceValue(KiwoomJson.text(row, "open_pric")),
                        KiwoomNumbers.priceValue(KiwoomJson.text(row, "high_pric")),
                        KiwoomNumbers.priceValue(KiwoomJson.text(row, "low_pric")),
                        KiwoomNumbers.priceValue(KiwoomJson.text(row, "cur_prc")),
                        Math.abs(KiwoomNumbers.quantity(KiwoomJson.text(row, "trde_qty")))));
            }
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.now(), KST);
        List<Bar> closed = new ArrayList<>();
        int unfinished = 0;
        for (Bar bar : bars.values()) {
            boolean over = daily
                    ? bar.start().toLocalDate().isBefore(now.toLocalDate())
                    || (bar.start().toLocalDate().equals(now.toLocalDate()) && !now.toLocalTime().isBefore(DAILY_BAR_FINAL))
                    : !bar.start().plus(timeframe.length()).isAfter(now);
            if (over) {
                closed.add(bar);
            } else {
                unfinished++;
            }
        }
        closed.sort(Comparator.comparing(Bar::start));
        return new Fetched(closed, unfinished);
    }

    private static LocalDateTime start(JsonNode row, boolean daily) {
        return daily ? LocalDate.parse(KiwoomJson.text(row, "dt"), YMD).atStartOfDay()
                : LocalDateTime.parse(KiwoomJson.text(row, "cntr_tm"), YMDHMS);
    }

    /** As the store keeps them: KRX market, bar end times. */
    public static Bars toBars(String symbol, Timeframe timeframe, List<Bar> bars) {
        Bars.Builder builder = Bars.builder(KiwoomNumbers.code(symbol), Market.KRX, timeframe.length());
        for (Bar bar : bars) {
            long end = bar.start().atZone(KST).plus(timeframe.length()).toInstant().toEpochMilli();
            builder.add(end, bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        }
        return builder.build();
    }
}
