package dev.stratc.runtime.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.stratc.data.Bars;
import dev.stratc.runtime.market.MarketEvent;

/**
 * A data set the simulated exchange replays, in time order: the bars of a universe (the backtester's data, so a
 * paper run and a backtest see the same market), or one symbol's trades ({@code timestamp,price,amount}, epoch
 * seconds or milliseconds). The trade sample is 100,000 real Bitstamp BTC/USD trades from 25 Nov to 1 Dec 2013
 * (shipped in ta4j-examples).
 */
public record ReplayDataSet(String name, List<MarketEvent> events) {
    public static final String SAMPLE_RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

    public ReplayDataSet {
        events = List.copyOf(events);
    }

    /** The built-in Bitstamp sample, as symbol {@code BTCUSD}. */
    public static ReplayDataSet sample() {
        return sample(Integer.MAX_VALUE);
    }

    /** The first {@code trades} trades of the built-in sample, read without parsing the rest. */
    public static ReplayDataSet sample(int trades) {
        InputStream in = ReplayDataSet.class.getClassLoader().getResourceAsStream(SAMPLE_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the built-in sample data set " + SAMPLE_RESOURCE
                    + " is not on the class path (it comes with org.ta4j:ta4j-examples)");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parseTrades("bitstamp BTC/USD trades 2013-11-25..12-01", "BTCUSD", reader, trades);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bars of a universe as the venue prints them: ordered by end time, symbols of one time in universe
     * order (the order the backtester evaluates them in).
     */
    public static ReplayDataSet fromBars(String name, List<Bars> universe) {
        List<MarketEvent> events = new ArrayList<>();
        int[] next = new int[universe.size()];
        while (true) {
            long time = Long.MAX_VALUE;
            for (int s = 0; s < universe.size(); s++) {
                if (next[s] < universe.get(s).size()) {
                    time = Math.min(time, universe.get(s).time(next[s]));
                }
            }
            if (time == Long.MAX_VALUE) {
                return new ReplayDataSet(name, events);
            }
            for (int s = 0; s < universe.size(); s++) {
                Bars bars = universe.get(s);
                int i = next[s];
                if (i < bars.size() && bars.time(i) == time) {
                    events.add(new MarketEvent.Bar(bars.symbol(), time, bars.open(i), bars.high(i), bars.low(i),
                            bars.close(i), bars.volume(i)));
                    next[s]++;
                }
            }
        }
    }

    static ReplayDataSet parseTrades(String name, String symbol, Reader reader) throws IOException {
        return parseTrades(name, symbol, reader, Integer.MAX_VALUE);
    }

    private static ReplayDataSet parseTrades(String name, String symbol, Reader reader, int limit) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = lowerCase(parser.getHeaderMap());
            if (!header.containsKey("price") || !header.containsKey("timestamp")) {
                throw new IllegalArgumentException(name + ":1: expected a header of trades (timestamp,price,amount), "
                        + "found " + header.keySet());
            }
            List<MarketEvent> events = new ArrayList<>();
            for (CSVRecord row : parser) {
                if (events.size() >= limit) {
                    break;
                }
                String where = name + ":" + (row.getRecordNumber() + 1);
                try {
                    String text = row.get(header.get("timestamp"));
                    long time = Long.parseLong(text);
                    time = time < 100_000_000_000L ? time * 1000 : time;
                    double size = header.containsKey("amount") ? number(row, header, "amount") : 0;
                    events.add(new MarketEvent.Trade(symbol, time, number(row, header, "price"), size));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            return new ReplayDataSet(name, events);
        }
    }

    private static Map<String, Integer> lowerCase(Map<String, Integer> header) {
        Map<String, Integer> lower = new HashMap<>();
        header.forEach((key, index) -> lower.put(key.toLowerCase(Locale.ROOT), index));
        return lower;
    }

    private static double number(CSVRecord row, Map<String, Integer> header, String column) {
        String text = row.get(header.get(column));
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + text + "'");
        }
    }

}
