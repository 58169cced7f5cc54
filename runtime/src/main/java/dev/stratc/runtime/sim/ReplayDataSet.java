package dev.stratc.runtime.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.stratc.runtime.market.MarketEvent;

/**
 * A data set the simulated exchange replays: trades ({@code timestamp,price,amount}, epoch seconds or
 * milliseconds) or bars ({@code date|time,open,high,low,close,volume}), in time order, for one symbol.
 * The built-in sample is 100,000 real Bitstamp BTC/USD trades from 25 Nov to 1 Dec 2013 (shipped in
 * ta4j-examples).
 */
public record ReplayDataSet(String name, String symbol, List<MarketEvent> events) {
    public static final String SAMPLE_RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

    public ReplayDataSet {
        events = List.copyOf(events);
    }

    /** The built-in Bitstamp sample, as symbol {@code BTCUSD}. */
    public static ReplayDataSet sample() {
        InputStream in = ReplayDataSet.class.getClassLoader().getResourceAsStream(SAMPLE_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the built-in sample data set " + SAMPLE_RESOURCE
                    + " is not on the class path (it comes with org.ta4j:ta4j-examples)");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse("bitstamp BTC/USD trades 2013-11-25..12-01", "BTCUSD", reader, ZoneId.of("UTC"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a CSV file; {@code zone} dates bars given without a time zone. */
    public static ReplayDataSet load(Path file, String symbol, ZoneId zone) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), symbol, reader, zone);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static ReplayDataSet parse(String name, String symbol, Reader reader, ZoneId zone) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = lowerCase(parser.getHeaderMap());
            boolean bars = header.containsKey("open") && header.containsKey("close");
            if (!bars && !(header.containsKey("price") && (header.containsKey("timestamp") || header.containsKey("time")))) {
                throw new IllegalArgumentException(name + ":1: expected a header of trades (timestamp,price,amount) "
                        + "or bars (date,open,high,low,close,volume), found " + header.keySet());
            }
            List<MarketEvent> events = new ArrayList<>();
            for (CSVRecord row : parser) {
                String where = name + ":" + (row.getRecordNumber() + 1);
                try {
                    long time = time(value(row, header, "timestamp", "time", "date"), zone);
                    if (bars) {
                        events.add(new MarketEvent.Bar(symbol, time, number(row, header, "open"),
                                number(row, header, "high"), number(row, header, "low"), number(row, header, "close"),
                                header.containsKey("volume") ? number(row, header, "volume") : 0));
                    } else {
                        double size = header.containsKey("amount") ? number(row, header, "amount")
                                : header.containsKey("size") ? number(row, header, "size") : 0;
                        events.add(new MarketEvent.Trade(symbol, time, number(row, header, "price"), size));
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            if (bars && events.size() > 1) {
                // a bar's row is dated by its start; the engine wants its end
                long interval = ((MarketEvent.Bar) events.get(1)).time() - ((MarketEvent.Bar) events.get(0)).time();
                List<MarketEvent> shifted = new ArrayList<>(events.size());
                for (MarketEvent event : events) {
                    MarketEvent.Bar bar = (MarketEvent.Bar) event;
                    shifted.add(new MarketEvent.Bar(symbol, bar.time() + interval, bar.open(), bar.high(), bar.low(),
                            bar.close(), bar.volume()));
                }
                events = shifted;
            }
            return new ReplayDataSet(name, symbol, events);
        }
    }

    private static Map<String, Integer> lowerCase(Map<String, Integer> header) {
        Map<String, Integer> lower = new java.util.HashMap<>();
        header.forEach((key, index) -> lower.put(key.toLowerCase(Locale.ROOT), index));
        return lower;
    }

    private static String value(CSVRecord row, Map<String, Integer> header, String... names) {
        for (String name : names) {
            Integer index = header.get(name);
            if (index != null) {
                return row.get(index);
            }
        }
        throw new IllegalArgumentException("no column " + String.join("/", names));
    }

    private static double number(CSVRecord row, Map<String, Integer> header, String column) {
        String text = row.get(header.get(column));
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + text + "'");
        }
    }

    private static long time(String text, ZoneId zone) {
        if (text.chars().allMatch(Character::isDigit)) {
            long value = Long.parseLong(text);
            return value < 100_000_000_000L ? value * 1000 : value;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant().toEpochMilli();
        }
    }
}
