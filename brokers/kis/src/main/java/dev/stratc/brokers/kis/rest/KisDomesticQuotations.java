package dev.stratc.brokers.kis.rest;

import static dev.stratc.brokers.kis.rest.KisJson.decimal;
import static dev.stratc.brokers.kis.rest.KisJson.text;
import static dev.stratc.brokers.kis.rest.KisJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.kis.symbols.KrxSymbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Domestic quotation endpoints ({@code /uapi/domestic-stock/v1/quotations/…}); tr_ids are the same real and paper. */
public final class KisDomesticQuotations {

    public static final int MULTI_QUOTE_MAX = 30;
    static final int DAILY_ROWS_PER_CALL = 100;

    private static final String BASE = "/uapi/domestic-stock/v1/quotations";
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HHmmss");

    /** FID_PERIOD_DIV_CODE. */
    public enum Period { DAY("D"), WEEK("W"), MONTH("M"), YEAR("Y");
        final String code;
        Period(String code) {
            this.code = code;
        }
    }

    private final KisRestClient rest;

    public KisDomesticQuotations(KisRestClient rest) {
        this.rest = rest;
    }

    /** 주식현재가 시세 (FHKST01010100). */
    public KisQuote price(String symbol) {
        String code = KrxSymbol.normalize(symbol);
        JsonNode output = rest.get("current price of " + code, BASE + "/inquire-price", "FHKST01010100",
                Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", code), "").body().get("output");
        // This endpoint carries no company name (bstp_kor_isnm is the sector's).
        return new KisQuote(code, "",
                decimal(output, "stck_prpr"), decimal(output, "stck_oprc"), decimal(output, "stck_hgpr"),
                decimal(output, "stck_lwpr"), whole(output, "acml_vol"), decimal(output, "stck_sdpr"),
                decimal(output, "stck_mxpr"), decimal(output, "stck_llam"), BigDecimal.ZERO, 0, BigDecimal.ZERO, 0,
                whole(output, "aspr_unit"));
    }

    /**
     * 관심종목(멀티종목) 시세조회 (FHKST11300006), 30 symbols a request. Results are keyed by each row's own code,
     * not by position, because KIS omits unknown symbols.
     */
    public Map<String, KisQuote> prices(List<String> symbols) {
        Map<String, KisQuote> quotes = new LinkedHashMap<>();
        List<String> codes = symbols.stream().map(KrxSymbol::normalize).distinct().toList();
        for (int from = 0; from < codes.size(); from += MULTI_QUOTE_MAX) {
            List<String> batch = codes.subList(from, Math.min(codes.size(), from + MULTI_QUOTE_MAX));
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                params.put("FID_COND_MRKT_DIV_CODE_" + (i + 1), "J");
                params.put("FID_INPUT_ISCD_" + (i + 1), batch.get(i));
            }
            JsonNode body = rest.get("quotes of " + batch.size() + " symbols", BASE + "/intstock-multprice",
                    "FHKST11300006", params, "").body();
            for (JsonNode row : KisJson.records(body, "output")) {
                String code = text(row, "inter_shrn_iscd");
                if (code.isEmpty()) {
                    continue;
                }
                quotes.put(code, new KisQuote(code, text(row, "inter_kor_isnm"), decimal(row, "inter2_prpr"),
                        decimal(row, "inter2_oprc"), decimal(row, "inter2_hgpr"), decimal(row, "inter2_lwpr"),
                        whole(row, "acml_vol"), decimal(row, "inter2_sdpr"), decimal(row, "inter2_mxpr"),
                        decimal(row, "inter2_llam"), decimal(row, "inter2_bidp"), whole(row, "shnu_rsqn"),
                        decimal(row, "inter2_askp"), whole(row, "seln_rsqn"), 0));
            }
        }
        return quotes;
    }

    /**
     * 국내주식기간별시세 (FHKST03010100): bars from {@code from} to {@code to} inclusive, oldest first. KIS returns at
     * most 100 rows a call and does not page with tr_cont, so the window's end moves back before the oldest row.
     *
     * @param adjusted prices adjusted for splits and rights (수정주가)
     */
    public List<KisBar> periodBars(String symbol, Period period, LocalDate from, LocalDate to, boolean adjusted) {
        String code = KrxSymbol.normalize(symbol);
        Map<LocalDate, KisBar> bars = new LinkedHashMap<>();
        LocalDate end = to;
        while (!end.isBefore(from)) {
            JsonNode body = rest.get("daily chart of " + code, BASE + "/inquire-daily-itemchartprice",
                    "FHKST03010100", Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", code,
                            "FID_INPUT_DATE_1", from.format(YMD), "FID_INPUT_DATE_2", end.format(YMD),
                            "FID_PERIOD_DIV_CODE", period.code, "FID_ORG_ADJ_PRC", adjusted ? "0" : "1"), "").body();
            LocalDate oldest = null;
            for (JsonNode row : KisJson.records(body, "output2")) {
                String date = text(row, "stck_bsop_date");
                if (date.isEmpty()) {
                    continue; // KIS pads an empty range with one blank row
                }
                LocalDate day = LocalDate.parse(date, YMD);
                bars.putIfAbsent(day, new KisBar(day.atStartOfDay(), decimal(row, "stck_oprc"),
                        decimal(row, "stck_hgpr"), decimal(row, "stck_lwpr"), decimal(row, "stck_clpr"),
                        whole(row, "acml_vol")));
                oldest = oldest == null || day.isBefore(oldest) ? day : oldest;
            }
            if (oldest == null || KisJson.records(body, "output2").size() < DAILY_ROWS_PER_CALL) {
                break;
            }
            end = oldest.minusDays(1);
        }
        return sortedWithin(bars.values(), from.atStartOfDay(), to.plusDays(1).atStartOfDay());
    }

    /**
     * 주식당일분봉조회 (FHKST03010200): today's one-minute bars up to {@code until}, oldest first. 30 rows a call;
     * each further call asks for bars before the oldest one received.
     */
    public List<KisBar> todayMinuteBars(String symbol, LocalTime until, LocalTime from) {
        String code = KrxSymbol.normalize(symbol);
        Map<LocalDateTime, KisBar> bars = new LinkedHashMap<>();
        LocalTime cursor = until;
        while (true) {
            JsonNode body = rest.get("minute chart of " + code, BASE + "/inquire-time-itemchartprice",
                    "FHKST03010200", Map.of("FID_ETC_CLS_CODE", "", "FID_COND_MRKT_DIV_CODE", "J",
                            "FID_INPUT_ISCD", code, "FID_INPUT_HOUR_1", cursor.format(HMS),
                            "FID_PW_DATA_INCU_YN", "Y"), "").body();
            LocalDateTime oldest = collectMinuteBars(body, bars);
            if (oldest == null || !oldest.toLocalTime().isAfter(from)) {
                break;
            }
            LocalTime next = oldest.toLocalTime().minusMinutes(1);
            if (!next.isBefore(cursor) || oldest.toLocalTime().equals(LocalTime.MIN)) {
                break;
            }
            cursor = next;
        }
        return sortedWithin(bars.values(), LocalDateTime.MIN, LocalDateTime.MAX).stream()
                .filter(bar -> !bar.start().toLocalTime().isBefore(from)).toList();
    }

    /**
     * 주식일별분봉조회 (FHKST03010230, real accounts only): one past day's one-minute bars, oldest first, 120 rows a
     * call walking back from the close.
     */
    public List<KisBar> pastMinuteBars(String symbol, LocalDate day) {
        String code = KrxSymbol.normalize(symbol);
        Map<LocalDateTime, KisBar> bars = new LinkedHashMap<>();
        LocalTime cursor = LocalTime.of(23, 59, 59);
        while (true) {
            JsonNode body = rest.get("minute chart of " + code + " on " + day, BASE + "/inquire-time-dailychartprice",
                    "FHKST03010230", Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", code,
                            "FID_INPUT_HOUR_1", cursor.format(HMS), "FID_INPUT_DATE_1", day.format(YMD),
                            "FID_PW_DATA_INCU_YN", "N", "FID_FAKE_TICK_INCU_YN", ""), "").body();
            LocalDateTime oldest = collectMinuteBars(body, bars);
            if (oldest == null || !oldest.toLocalDate().equals(day)) {
                break;
            }
            LocalTime next = oldest.toLocalTime().minusMinutes(1);
            if (!next.isBefore(cursor) || oldest.toLocalTime().equals(LocalTime.MIN)) {
                break;
            }
            cursor = next;
        }
        LocalDateTime start = day.atStartOfDay();
        return sortedWithin(bars.values(), start, start.plusDays(1));
    }

    /** Adds the rows of {@code output2} and returns the oldest bar's start, or null when there were none. */
    private static LocalDateTime collectMinuteBars(JsonNode body, Map<LocalDateTime, KisBar> bars) {
        LocalDateTime oldest = null;
        for (JsonNode row : KisJson.records(body, "output2")) {
            String date = text(row, "stck_bsop_date");
            String time = text(row, "stck_cntg_hour");
            if (date.isEmpty() || time.isEmpty()) {
                continue;
            }
            LocalDateTime start = LocalDateTime.of(LocalDate.parse(date, YMD), LocalTime.parse(time, HMS));
            bars.putIfAbsent(start, new KisBar(start, decimal(row, "stck_oprc"), decimal(row, "stck_hgpr"),
                    decimal(row, "stck_lwpr"), decimal(row, "stck_prpr"), whole(row, "cntg_vol")));
            oldest = oldest == null || start.isBefore(oldest) ? start : oldest;
        }
        return oldest;
    }

    private static List<KisBar> sortedWithin(Iterable<KisBar> bars, LocalDateTime from, LocalDateTime until) {
        List<KisBar> sorted = new ArrayList<>();
        for (KisBar bar : bars) {
            if (!bar.start().isBefore(from) && bar.start().isBefore(until)) {
                sorted.add(bar);
            }
        }
        sorted.sort(Comparator.comparing(KisBar::start));
        return sorted;
    }

    /** 주식현재가 호가/예상체결 (FHKST01010200): ten levels a side. */
    public KisOrderBook orderBook(String symbol) {
        String code = KrxSymbol.normalize(symbol);
        JsonNode book = rest.get("order book of " + code, BASE + "/inquire-asking-price-exp-ccn", "FHKST01010200",
                Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", code), "").body().get("output1");
        List<KisOrderBook.Level> asks = new ArrayList<>();
        List<KisOrderBook.Level> bids = new ArrayList<>();
        for (int level = 1; level <= 10; level++) {
            asks.add(new KisOrderBook.Level(decimal(book, "askp" + level), whole(book, "askp_rsqn" + level)));
            bids.add(new KisOrderBook.Level(decimal(book, "bidp" + level), whole(book, "bidp_rsqn" + level)));
        }
        return new KisOrderBook(code, text(book, "aspr_acpt_hour"), asks, bids);
    }
}
