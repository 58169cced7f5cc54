package dev.stratc.brokers.binance.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratc.brokers.binance.rest.BinanceHttp;
import dev.stratc.brokers.binance.rest.HostLimiter;
import dev.stratc.brokers.binance.rest.Kline;
import dev.stratc.brokers.binance.rest.Sleeper;
import dev.stratc.brokers.binance.rest.SpotMarketClient;
import dev.stratc.brokers.binance.sign.ServerClock;
import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Binance's kline history as bars. Klines are public, so no key is needed; the host's weight budget is
 * respected all the same (2 per page of 1000), with Retry-After honoured on 429.
 */
public final class BinanceHistory implements AutoCloseable {
    /** Public market data only, a separate budget from trading: Binance's recommended host for history. */
    public static final String DATA_API = "https://data-api.binance.vision";

    /** USDⓈ-M futures' public data: the trading host, with its own weight budget of 2400 a minute. */
    public static final String USDM_API = "https://fapi.binance.com";

    private final OkHttpClient http;
    private final SpotMarketClient market;
    private final Market barsMarket;

    public BinanceHistory(HttpUrl restUrl, Clock clock, Sleeper sleeper) {
        this(restUrl, false, clock, sleeper);
    }

    /** @param usdm whether to read USDⓈ-M perpetual futures' klines ({@code /fapi/v1/klines}) rather than Spot's */
    public BinanceHistory(HttpUrl restUrl, boolean usdm, Clock clock, Sleeper sleeper) {
        this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
        ServerClock serverClock = new ServerClock(clock);
        HostLimiter limiter = new HostLimiter(restUrl.host(), usdm ? 2400 : 6000, serverClock, sleeper,
                message -> System.err.println("warning: " + message));
        BinanceHttp rest = new BinanceHttp(http, restUrl, serverClock, limiter, new ObjectMapper(),
                Duration.ofSeconds(5));
        this.market = usdm ? SpotMarketClient.usdm(rest) : new SpotMarketClient(rest);
        this.barsMarket = usdm ? Market.BINANCE_USDM : Market.BINANCE;
    }

    public static BinanceHistory connect(String restUrl) {
        return connect(restUrl, false);
    }

    /** @param usdm USDⓈ-M futures' klines, stored as market {@code binance-usdm} (its fees and funding) */
    public static BinanceHistory connect(String restUrl, boolean usdm) {
        HttpUrl url = HttpUrl.parse(restUrl);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + restUrl);
        }
        return new BinanceHistory(url, usdm, Clock.systemUTC(), Sleeper.system());
    }

    /**
     * The closed candles of {@code symbol} whose open time is in {@code [fromMillis, toMillis)}, as bars stamped
     * with their end (open time + interval).
     *
     * @param progress receives the number of candles fetched so far, after each page
     */
    public Bars fetch(String symbol, String interval, long fromMillis, long toMillis, IntConsumer progress) {
        Duration length = intervalLength(interval);
        int[] count = {0};
        List<Kline> klines = market.klinesBetween(symbol, interval, fromMillis, toMillis, page -> {
            count[0] += page.size();
            progress.accept(count[0]);
        });
        Bars.Builder bars = new Bars.Builder(symbol, barsMarket, length, klines.size());
        for (Kline k : klines) {
            bars.add(k.openTime() + length.toMillis(), k.open().doubleValue(), k.high().doubleValue(),
                    k.low().doubleValue(), k.close().doubleValue(), k.volume().doubleValue());
        }
        return bars.build();
    }

    /**
     * A perpetual's recorded funding rates with a funding time in {@code [fromMillis, toMillis)}: funding time to
     * rate in percent per settlement, the series the backtester charges ({@code BacktestConfig.withFundingRates}).
     */
    public java.util.SortedMap<Long, Double> fundingRates(String symbol, long fromMillis, long toMillis) {
        java.util.SortedMap<Long, Double> rates = new java.util.TreeMap<>();
        for (var rate : market.fundingRatesBetween(symbol, fromMillis, toMillis)) {
            rates.put(rate.fundingTime(), rate.rate().movePointRight(2).doubleValue());
        }
        return rates;
    }

    /** Binance's kline intervals; {@code 1M} has no fixed length and is refused. */
    public static Duration intervalLength(String interval) {
        return switch (interval) {
            case "1s" -> Duration.ofSeconds(1);
            case "1m" -> Duration.ofMinutes(1);
            case "3m" -> Duration.ofMinutes(3);
            case "5m" -> Duration.ofMinutes(5);
            case "15m" -> Duration.ofMinutes(15);
            case "30m" -> Duration.ofMinutes(30);
            case "1h" -> Duration.ofHours(1);
            case "2h" -> Duration.ofHours(2);
            case "4h" -> Duration.ofHours(4);
            case "6h" -> Duration.ofHours(6);
            case "8h" -> Duration.ofHours(8);
            case "12h" -> Duration.ofHours(12);
            case "1d" -> Duration.ofDays(1);
            case "3d" -> Duration.ofDays(3);
            case "1w" -> Duration.ofDays(7);
            default -> throw new IllegalArgumentException("interval '" + interval
                    + "': Binance intervals are 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w"
                    + ("1M".equals(interval) ? " (1M has no fixed length; fetch 1d and aggregate)" : ""));
        };
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
