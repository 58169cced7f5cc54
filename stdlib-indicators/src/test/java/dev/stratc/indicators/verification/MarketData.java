package dev.stratc.indicators.verification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three real data sets shipped in org.ta4j:ta4j-examples:0.18, read from its jar the way its loaders read
 * them, as primitive columns; {@link Bars#toTa4j()} gives the same bars as a DoubleNum series.
 */
final class MarketData {
    private MarketData() {
    }

    /** OHLCV columns; buy and sell volume are NaN unless the source has trades to classify. */
    record Bars(String name, Duration period, long[] time, double[] open, double[] high, double[] low,
            double[] close, double[] volume, double[] buyVolume, double[] sellVolume) {

        int size() {
            return close.length;
        }

        BarSeries toTa4j() {
            BarSeries series = new BaseBarSeriesBuilder().withName(name)
                    .withNumFactory(DoubleNumFactory.getInstance()).build();
            for (int i = 0; i < size(); i++) {
                series.barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli(time[i]))
                        .openPrice(open[i]).highPrice(high[i]).lowPrice(low[i]).closePrice(close[i])
                        .volume(volume[i]).amount(0).add();
            }
            return series;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Bars> all() {
        return List.of(Cache.BITSTAMP, Cache.APPLE, Cache.ETH);
    }

    static Bars bitstamp() {
        return Cache.BITSTAMP;
    }

    private static final class Cache {
        static final Bars BITSTAMP = bitstampFiveMinuteBars();
        static final Bars APPLE = appleDaily();
        static final Bars ETH = ethFiveMinute();
    }

    /**
     * Bitstamp BTC/USD trades in 5-minute bars exactly as ta4j-examples' CsvTradesLoader builds them: the first
     * bar ends 300 s after the first trade, bars without trades are skipped, and the trade that closes a bar is
     * dropped (the loader's quirk), so 1,916 bars from 98,080 of the 100,000 trades. Buy and sell volume come
     * from the tick rule (a trade above the previous price is a buy, below a sell, equal keeps the last side).
     */
    private static Bars bitstampFiveMinuteBars() {
        List<String> lines = lines("bitstamp_trades_from_20131125_usd.csv");
        lines.removeFirst();
        long step = 300_000;
        long lastTrade = tradeTime(lines.getLast());
        Columns bars = new Columns();
        long barEnd = tradeTime(lines.getFirst());
        int next = 0;
        double previousPrice = Double.NaN;
        boolean lastWasBuy = true;
        do {
            barEnd += step;
            long barBegin = barEnd - step;
            double open = Double.NaN, high = Double.NEGATIVE_INFINITY, low = Double.POSITIVE_INFINITY;
            double close = Double.NaN, volume = 0, buy = 0, sell = 0;
            int trades = 0;
            while (next < lines.size()) {
                String[] trade = lines.get(next++).split(",");
                long time = Long.parseLong(trade[0]) * 1000;
                if (time < barBegin || time >= barEnd) {
                    break;
                }
                double price = Double.parseDouble(trade[1]);
                double amount = Double.parseDouble(trade[2]);
                if (trades++ == 0) {
                    open = price;
                }
                high = Math.max(high, price);
                low = Math.min(low, price);
                close = price;
                volume += amount;
                if (price != previousPrice && !Double.isNaN(previousPrice)) {
                    lastWasBuy = price > previousPrice;
                }
                previousPrice = price;
                if (lastWasBuy) {
                    buy += amount;
                } else {
                    sell += amount;
                }
            }
            if (trades > 0) {
                bars.add(barEnd, open, high, low, close, volume, buy, sell);
            }
        } while (barEnd < lastTrade);
        return bars.toBars("bitstamp BTC/USD 5m", Duration.ofMinutes(5));
    }

    private static long tradeTime(String line) {
        return Long.parseLong(line.substring(0, line.indexOf(','))) * 1000;
    }

    /** Apple daily bars of 2013; the date (midnight UTC) is the bar's end time, as CsvBarsLoader does. */
    private static Bars appleDaily() {
        List<String> lines = lines("appleinc_bars_from_20130101_usd.csv");
        lines.removeFirst();
        Columns bars = new Columns();
        for (String line : lines) {
            String[] f = line.split(",");
            long end = LocalDate.parse(f[0]).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            bars.add(end, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.NaN, Double.NaN);
        }
        return bars.toBars("Apple daily 2013", Duration.ofDays(1));
    }

    /** ETH/USD 5-minute bars from Binance US (the JSON the examples' JsonBarsSerializer reads). */
    private static Bars ethFiveMinute() {
        try (InputStream in = resource("ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Columns bars = new Columns();
            for (JsonNode bar : root.get("ohlc")) {
                bars.add(bar.get("endTime").asLong(), bar.get("openPrice").asDouble(),
                        bar.get("highPrice").asDouble(), bar.get("lowPrice").asDouble(),
                        bar.get("closePrice").asDouble(), bar.get("volume").asDouble(), Double.NaN, Double.NaN);
            }
            return bars.toBars("ETH/USD 5m", Duration.ofMinutes(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(resource),
                StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MarketData.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " not on the test class path (org.ta4j:ta4j-examples:0.18)");
        }
        return in;
    }

    private static final class Columns {
        private final List<double[]> rows = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();

        void add(long time, double open, double high, double low, double close, double volume, double buy,
                double sell) {
            times.add(time);
            rows.add(new double[] {open, high, low, close, volume, buy, sell});
        }

        Bars toBars(String name, Duration period) {
            int n = rows.size();
            long[] time = new long[n];
            double[][] columns = new double[7][n];
            for (int i = 0; i < n; i++) {
                time[i] = times.get(i);
                for (int c = 0; c < 7; c++) {
                    columns[c][i] = rows.get(i)[c];
                }
            }
            return new Bars(name, period, time, columns[0], columns[1], columns[2], columns[3], columns[4],
                    columns[5], columns[6]);
        }
    }
}
