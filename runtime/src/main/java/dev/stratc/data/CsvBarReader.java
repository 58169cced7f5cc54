package dev.stratc.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads bars from a CSV file whose layout it works out itself:
 * <ul>
 *   <li>generic OHLCV with a header naming the columns (time/date/datetime/timestamp/open_time or end_time,
 *       open, high, low, close, volume; any case, common abbreviations), or without one in that order;</li>
 *   <li>Binance's published kline files (12 columns, no header, open time and close time in ms or µs);</li>
 *   <li>trade ticks (timestamp, price, amount), aggregated into bars of the requested timeframe.</li>
 * </ul>
 * The delimiter ({@code , ; tab |}) and a decimal comma are detected. A time column named like an end time
 * ({@code end_time}, {@code close_time}) is used as it is; any other time labels the bar's begin, and the end is
 * begin + timeframe — the convention of Yahoo, Binance and most vendors' exports.
 */
public final class CsvBarReader {
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        for (String a : List.of("time", "date", "datetime", "timestamp", "open_time", "opentime", "begin_time",
                "start", "start_time", "ts", "candle_time", "datum", "bar_time", "일자", "날짜", "시간")) {
            ALIASES.put(a, "begin");
        }
        for (String a : List.of("end_time", "endtime", "close_time", "closetime", "end")) {
            ALIASES.put(a, "end");
        }
        for (String a : List.of("open", "o", "시가", "open_price", "openprice")) {
            ALIASES.put(a, "open");
        }
        for (String a : List.of("high", "h", "고가", "high_price", "highprice")) {
            ALIASES.put(a, "high");
        }
        for (String a : List.of("low", "l", "저가", "low_price", "lowprice")) {
            ALIASES.put(a, "low");
        }
        for (String a : List.of("close", "c", "종가", "close_price", "closeprice", "last")) {
            ALIASES.put(a, "close");
        }
        for (String a : List.of("volume", "vol", "v", "거래량", "base_volume")) {
            ALIASES.put(a, "volume");
        }
        for (String a : List.of("price", "p")) {
            ALIASES.put(a, "price");
        }
        for (String a : List.of("amount", "qty", "quantity", "size")) {
            ALIASES.put(a, "amount");
        }
    }

    private CsvBarReader() {
    }

    /** The layouts this reader recognises. */
    public enum Layout { OHLCV, BINANCE_KLINES, TRADES }

    public static ReadResult read(Path file, ReadOptions options) {
        String source = file.toString();
        String symbol = options.symbol() != null ? options.symbol() : symbolOf(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, source, options.withSymbol(symbol));
        } catch (CharacterCodingException e) {
            throw DataException.at(source, firstMalformedLine(file), "not UTF-8 text (a byte no UTF-8 character "
                    + "has); save the file as UTF-8, or convert it, e.g. iconv -f CP949 -t UTF-8");
        } catch (NoSuchFileException e) {
            throw new DataException(source + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new DataException(source + ": cannot read: permission denied", e);
        } catch (IOException e) {
            throw new DataException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The line of the first byte that is not UTF-8: only read again once the decoder has refused the file. */
    static long firstMalformedLine(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        try (var in = Files.newInputStream(file)) {
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return line;
                }
                bytes.compact();
            }
        } catch (IOException e) {
            // the first read failed already; the line stays unknown
        }
        return line;
    }

    /**
     * A malformed CSV record in our words, at its line: commons-csv says "Invalid character between
     * encapsulated token and delimiter at line: 3, position: 72".
     */
    static DataException malformed(String source, IOException e) {
        String text = String.valueOf(e.getMessage());
        Matcher at = Pattern.compile("line:? ([\\d,]+)").matcher(text);
        long line = at.find() ? Long.parseLong(at.group(1).replace(",", "")) : 0;
        String problem = text.contains("between encapsulated token and delimiter")
                ? "text after a field's closing quote; quote the whole field (\"10.5\") or remove the quotes"
                : text.contains("EOF reached before encapsulated token finished")
                ? "a quoted field is never closed: a \" is missing (the quote opens on this line)"
                : "not a valid CSV record (check the quotes and the delimiters)";
        return line > 0 ? DataException.at(source, line, problem) : new DataException(source + ": " + problem, e);
    }

    public static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static ReadResult read(BufferedReader in, String source, ReadOptions options) throws IOException {
        in.mark(64 * 1024);
        String first = in.readLine();
        while (first != null && first.isBlank()) {
            first = in.readLine();
        }
        if (first == null) {
            throw new DataException(source + ": the file is empty");
        }
        in.reset();
        if (first.startsWith("\uFEFF")) {
            in.skip(1);
            first = first.substring(1);
        }
        char delimiter = detectDelimiter(first);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse((Reader) in, format)) {
            var records = parser.iterator();
            CSVRecord head = records.next();
            boolean header = !TimeParser.isEpoch(head.get(0)) && !looksLikeDate(head.get(0));
            Map<String, Integer> columns = header ? columns(head, source) : positional(head.size());
            Layout layout = layout(header, head.size(), columns);
            var rows = new RowSource(header ? records : prepend(head, records), source, delimiter);
            return switch (layout) {
                case TRADES -> TradeAggregator.aggregate(rows, columns, source, options);
                case BINANCE_KLINES -> readBars(rows, Map.of("begin", 0, "open", 1, "high", 2, "low", 3,
                        "close", 4, "volume", 5), source, options);
                case OHLCV -> readBars(rows, columns, source, options);
            };
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw coding;
            }
            if (e.getCause() instanceof CSVException csv) {
                throw malformed(source, csv);
            }
            throw new DataException(source + ": cannot read: " + e.getCause().getMessage(), e);
        } catch (CSVException e) {
            throw malformed(source, e);
        }
    }

    private static java.util.Iterator<CSVRecord> prepend(CSVRecord head, java.util.Iterator<CSVRecord> rest) {
        return new java.util.Iterator<>() {
            boolean headDone;

            @Override
            public boolean hasNext() {
                return !headDone || rest.hasNext();
            }

            @Override
            public CSVRecord next() {
                if (!headDone) {
                    headDone = true;
                    return head;
                }
                return rest.next();
            }
        };
    }

    private static boolean looksLikeDate(String s) {
        return !s.isEmpty() && Character.isDigit(s.charAt(0)) && s.length() >= 8;
    }

    static char detectDelimiter(String line) {
        char best = ',';
        int bestCount = 0;
        for (char d : new char[] {',', ';', '\t', '|'}) {
            int n = 0;
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == d && !quoted) {
                    n++;
                }
            }
            if (n > bestCount) {
                best = d;
                bestCount = n;
            }
        }
        return best;
    }

    private static Map<String, Integer> columns(CSVRecord head, String source) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < head.size(); i++) {
            String name = head.get(i).toLowerCase(Locale.ROOT).replace(' ', '_').replace("\"", "");
            String role = ALIASES.get(name);
            if (role != null && !map.containsKey(role)) {
                map.put(role, i);
            }
        }
        boolean trades = map.containsKey("price") && !map.containsKey("open");
        List<String> needed = trades ? List.of("price", "amount") : List.of("open", "high", "low", "close");
        List<String> missing = new ArrayList<>();
        if (!map.containsKey("begin") && !map.containsKey("end")) {
            missing.add("time");
        }
        for (String n : needed) {
            if (!map.containsKey(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw DataException.at(source, 1, "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " in header " + String.join(",", head.toList())
                    + " (expected time, open, high, low, close[, volume], or timestamp, price, amount)");
        }
        return map;
    }

    private static Map<String, Integer> positional(int size) {
        if (size == 3) {
            return Map.of("begin", 0, "price", 1, "amount", 2);
        }
        Map<String, Integer> m = new HashMap<>(Map.of("begin", 0, "open", 1, "high", 2, "low", 3, "close", 4));
        if (size > 5) {
            m.put("volume", 5);
        }
        return m;
    }

    private static Layout layout(boolean header, int size, Map<String, Integer> columns) {
        if (columns.containsKey("price")) {
            return Layout.TRADES;
        }
        if (!header && size == 12) {
            return Layout.BINANCE_KLINES;
        }
        if (!header && size < 5) {
            throw new DataException("a file without a header needs time, open, high, low, close[, volume] "
                    + "or timestamp, price, amount columns; found " + size);
        }
        return Layout.OHLCV;
    }

    private static ReadResult readBars(RowSource rows, Map<String, Integer> columns, String source,
                                       ReadOptions options) {
        boolean endLabelled = columns.containsKey("end");
        int t = columns.getOrDefault("end", columns.getOrDefault("begin", 0));
        int o = columns.get("open");
        int h = columns.get("high");
        int l = columns.get("low");
        int c = columns.get("close");
        Integer v = columns.get("volume");
        var zone = options.market().zone();
        var validator = new BarValidator(source, options.repair());
        var raw = new Bars.Builder(options.symbol(), options.market(), Duration.ZERO, 4096);
        long[] lines = new long[4096];
        while (rows.next()) {
            long line = rows.line();
            long time = rows.time(t, zone);
            double open = rows.number(o, "open");
            double high = rows.number(h, "high");
            double low = rows.number(l, "low");
            double close = rows.number(c, "close");
            double volume = v == null ? 0 : rows.number(v, "volume");
            if (validator.accept(line, time, open, high, low, close, volume)) {
                raw.add(time, open, high, low, close, volume);
            }
        }
        if (raw.size() == 0) {
            throw new DataException(source + ": no bars");
        }
        Bars bars = raw.build();
        Duration timeframe = options.timeframe() != null ? options.timeframe() : inferTimeframe(bars, source);
        long shift = endLabelled ? 0 : timeframe.toMillis();
        var out = new Bars.Builder(options.symbol(), options.market(), timeframe, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            out.add(bars.time(i) + shift, bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        return new ReadResult(out.build(), validator.warnings());
    }

    /** The most frequent spacing of the first bars (gaps such as nights and weekends are less frequent). */
    static Duration inferTimeframe(Bars bars, String source) {
        if (bars.size() < 2) {
            throw new DataException(source + ": cannot infer the timeframe from one bar; pass --timeframe");
        }
        Map<Long, Integer> counts = new HashMap<>();
        int n = Math.min(bars.size(), 2000);
        for (int i = 1; i < n; i++) {
            counts.merge(bars.time(i) - bars.time(i - 1), 1, Integer::sum);
        }
        long best = 0;
        int bestCount = 0;
        for (var e : counts.entrySet()) {
            // most frequent spacing; on a tie the shorter one
            if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey() < best) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best <= 0) {
            throw new DataException(source + ": cannot infer the timeframe; pass --timeframe");
        }
        return Duration.ofMillis(best);
    }

    /** Records with their line numbers and typed access to fields, errors naming file:line and column. */
    static final class RowSource {
        private final java.util.Iterator<CSVRecord> records;
        private final String source;
        private final boolean decimalComma;
        private CSVRecord current;

        RowSource(java.util.Iterator<CSVRecord> records, String source, char delimiter) {
            this.records = records;
            this.source = source;
            this.decimalComma = delimiter != ',';
        }

        boolean next() {
            if (!records.hasNext()) {
                return false;
            }
            current = records.next();
            return true;
        }

        long line() {
            return current.getParser().getCurrentLineNumber();
        }

        String field(int column, String name) {
            if (column >= current.size()) {
                throw DataException.at(source, line(), "missing " + name + " value (the line has "
                        + current.size() + " fields)");
            }
            return current.get(column);
        }

        double number(int column, String name) {
            String s = field(column, name);
            if (decimalComma && s.indexOf(',') >= 0) {
                s = s.replace(".", "").replace(',', '.');
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw DataException.at(source, line(), name + " '" + s + "' is not a number");
            }
        }

        long time(int column, java.time.ZoneId zone) {
            String s = field(column, "time");
            try {
                return TimeParser.parse(s, zone);
            } catch (IllegalArgumentException e) {
                throw DataException.at(source, line(), e.getMessage());
            }
        }
    }
}
