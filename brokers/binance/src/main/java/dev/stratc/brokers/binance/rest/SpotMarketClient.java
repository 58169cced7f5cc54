package dev.stratc.brokers.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.sign.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Public Spot market data over REST, and through {@link #usdm} the klines of USDⓈ-M futures (the same paging on
 * {@code /fapi/v1/klines}). Request weights are Binance's, so the host budget stays true.
 */
public final class SpotMarketClient {
    /** {@code limit}'s maximum on {@code /api/v3/klines} (futures allow 1500; stratc pages by 1000 on both). */
    public static final int KLINES_PAGE = 1000;

    private final BinanceHttp http;
    private final String klinesPath;
    /** Spot: 2 per request; USDⓈ-M: 5 for a limit of 500 to 1000. */
    private final int klinesWeight;

    public SpotMarketClient(BinanceHttp http) {
        this(http, "/api/v3/klines", 2);
    }

    private SpotMarketClient(BinanceHttp http, String klinesPath, int klinesWeight) {
        this.http = http;
        this.klinesPath = klinesPath;
        this.klinesWeight = klinesWeight;
    }

    /** USDⓈ-M perpetual futures' klines ({@code GET /fapi/v1/klines}, weight 5 a page of 1000). */
    public static SpotMarketClient usdm(BinanceHttp http) {
        return new SpotMarketClient(http, "/fapi/v1/klines", 5);
    }

    public long serverTime() {
        return http.get("/api/v3/time", Params.of(), 1).path("serverTime").asLong();
    }

    /** Symbols' rules and the exchange's limits; also applies the limits to the host's weight budget. */
    public ExchangeInfo exchangeInfo(List<String> symbols) {
        Params params = Params.of();
        if (symbols.size() == 1) {
            params.add("symbol", symbols.get(0));
        } else if (!symbols.isEmpty()) {
            params.add("symbols", http.json().valueToTree(symbols).toString());
        }
        ExchangeInfo info = ExchangeInfo.parse(http.get("/api/v3/exchangeInfo", params, 20));
        http.hostLimiter().setWeightPerMinute(info.rateLimits().requestWeightPerMinute());
        return info;
    }

    public List<Kline> klines(String symbol, String interval, Long startTime, Long endTime, int limit) {
        Params params = Params.of().add("symbol", symbol).add("interval", interval).add("startTime", startTime)
                .add("endTime", endTime).add("limit", limit);
        List<Kline> klines = new ArrayList<>();
        for (JsonNode row : http.get(klinesPath, params, klinesWeight)) {
            klines.add(Kline.fromRow(row));
        }
        return klines;
    }

    /**
     * Every closed kline whose open time is in {@code [from, to)}, fetched in pages of 1000; a candle still
     * open on the server is left out. {@code progress} sees each page as it arrives.
     */
    public List<Kline> klinesBetween(String symbol, String interval, long from, long to, Consumer<List<Kline>> progress) {
        return klinesBetween(symbol, interval, from, to, KLINES_PAGE, progress);
    }

    /** As {@link #klinesBetween(String, String, long, long, Consumer)}, in pages of {@code pageSize} (1..1000). */
    public List<Kline> klinesBetween(String symbol, String interval, long from, long to, int pageSize,
            Consumer<List<Kline>> progress) {
        List<Kline> all = new ArrayList<>();
        long start = from;
        while (start < to) {
            List<Kline> page = klines(symbol, interval, start, to - 1, pageSize);
            long now = http.clock().nowMillis();
            List<Kline> closed = page.stream().filter(k -> k.openTime() < to && k.closeTime() < now).toList();
            all.addAll(closed);
            progress.accept(closed);
            if (page.size() < pageSize) {
                break;
            }
            start = page.get(page.size() - 1).openTime() + 1;
        }
        return all;
    }

    /** One settlement of a perpetual's funding: its time (epoch ms) and rate (a fraction: 0.0001 is 0.01 %). */
    public record FundingRate(String symbol, long fundingTime, java.math.BigDecimal rate) {
    }

    /**
     * USDⓈ-M funding-rate history ({@code GET /fapi/v1/fundingRate}, oldest first, paged by {@code startTime}
     * and {@code endTime} with {@code limit} 1000): the settlements with a funding time in {@code [from, to)}.
     * The weight of 1 a request is assumed (Binance shares a 500-per-5-minutes limit per IP among these calls).
     */
    public List<FundingRate> fundingRatesBetween(String symbol, long from, long to) {
        List<FundingRate> all = new ArrayList<>();
        long start = from;
        while (start < to) {
            JsonNode page = http.get("/fapi/v1/fundingRate", Params.of().add("symbol", symbol)
                    .add("startTime", Long.toString(start)).add("endTime", Long.toString(to - 1))
                    .add("limit", Integer.toString(KLINES_PAGE)), 1);
            long last = start;
            for (JsonNode row : page) {
                long time = row.path("fundingTime").asLong();
                if (time >= start && time < to) {
                    all.add(new FundingRate(symbol, time, new java.math.BigDecimal(row.path("fundingRate").asText())));
                }
                last = Math.max(last, time);
            }
            if (page.size() < KLINES_PAGE) {
                break;
            }
            start = last + 1;
        }
        return all;
    }

    public BookTicker bookTicker(String symbol) {
        JsonNode t = http.get("/api/v3/ticker/bookTicker", Params.of().add("symbol", symbol), 2);
        return new BookTicker(t.path("symbol").asText(), JsonDecimals.of(t, "bidPrice"), JsonDecimals.of(t, "bidQty"),
                JsonDecimals.of(t, "askPrice"), JsonDecimals.of(t, "askQty"));
    }
}
