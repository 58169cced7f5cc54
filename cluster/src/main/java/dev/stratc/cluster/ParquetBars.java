package dev.stratc.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;

import dev.stratc.data.Bars;
import dev.stratc.data.DataException;
import dev.stratc.data.Market;

/**
 * Reads bars from Parquet on any Hadoop file system Spark reads ({@code file:}, {@code hdfs:}, {@code s3a:}): the
 * columns {@code stratc data export} writes (market, symbol, timeframe_ms, end_time, open, high, low, close,
 * volume), one file, or a directory of files (one per symbol, or partitioned {@code symbol=…/…}: a column missing
 * from a file is taken from its path, then from its file name). Like the DuckDB store, each symbol gets its finest
 * timeframe, and the universe is ordered by symbol, so that a Parquet export and its store give the same run.
 */
final class ParquetBars {
    private ParquetBars() {
    }

    static List<Bars> read(UniverseSpec spec) {
        Configuration conf = new Configuration();
        spec.hadoop().forEach(conf::set);
        Path root = new Path(spec.data());
        Map<String, Map<Long, Series>> bySymbol = new TreeMap<>();
        try {
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.exists(root)) {
                throw new DataException(spec.data() + ": no such file or directory");
            }
            List<LocatedFileStatus> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                String name = f.getPath().getName();
                if (f.isFile() && name.endsWith(".parquet") && !name.startsWith("_") && !name.startsWith(".")) {
                    files.add(f);
                }
            }
            if (files.isEmpty()) {
                throw new DataException(spec.data() + ": no .parquet files there");
            }
            files.sort(Comparator.comparing(f -> f.getPath().toString()));
            for (LocatedFileStatus f : files) {
                readFile(f, conf, spec, bySymbol);
            }
        } catch (IOException e) {
            throw new DataException(spec.data() + ": cannot read: " + e.getMessage(), e);
        }
        List<Bars> out = new ArrayList<>();
        for (var e : bySymbol.entrySet()) {
            if (!spec.symbols().isEmpty() && !spec.symbols().contains(e.getKey())) {
                continue;
            }
            Map.Entry<Long, Series> finest = ((TreeMap<Long, Series>) e.getValue()).firstEntry();
            out.add(finest.getValue().build(e.getKey(), finest.getKey(), spec));
        }
        if (out.isEmpty()) {
            throw new DataException(spec.data() + ": no bars" + (spec.symbols().isEmpty() ? ""
                    : " for " + String.join(",", spec.symbols())));
        }
        return out;
    }

    private static void readFile(LocatedFileStatus file, Configuration conf, UniverseSpec spec,
                                 Map<String, Map<Long, Series>> bySymbol) throws IOException {
        String where = file.getPath().toString();
        String pathSymbol = partition(file.getPath(), "symbol");
        String pathMarket = partition(file.getPath(), "market");
        String fileSymbol = file.getPath().getName().replaceFirst("\\.parquet$", "");
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(file, conf))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            Columns c = new Columns(schema, where);
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0, n = pages.getRowCount(); r < n; r++) {
                    Group g = records.read();
                    String symbol = c.symbol >= 0 && g.getFieldRepetitionCount(c.symbol) > 0
                            ? g.getString(c.symbol, 0) : pathSymbol != null ? pathSymbol : fileSymbol;
                    String market = c.market >= 0 && g.getFieldRepetitionCount(c.market) > 0
                            ? g.getString(c.market, 0) : pathMarket;
                    long tf = c.timeframe >= 0 ? g.getLong(c.timeframe, 0) : spec.timeframeMs();
                    Series s = bySymbol.computeIfAbsent(symbol, k -> new TreeMap<>())
                            .computeIfAbsent(tf, k -> new Series(market));
                    s.add(c.time(g), c.number(g, c.open), c.number(g, c.high), c.number(g, c.low),
                            c.number(g, c.close), c.volume >= 0 ? c.number(g, c.volume) : 0);
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof DataException) {
                throw e;
            }
            throw new DataException(where + ": cannot read as bars: " + e.getMessage(), e);
        }
    }

    private static String partition(Path path, String key) {
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            String n = p.getName();
            if (n.startsWith(key + "=")) {
                return n.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** The positions of the columns in a file's schema, and how to read its time column. */
    private static final class Columns {
        final int market;
        final int symbol;
        final int timeframe;
        final int time;
        final long timeUnitsPerMilli;
        final int open;
        final int high;
        final int low;
        final int close;
        final int volume;
        final MessageType schema;

        Columns(MessageType schema, String where) {
            this.schema = schema;
            market = index(schema, "market");
            symbol = index(schema, "symbol");
            timeframe = index(schema, "timeframe_ms");
            int t = index(schema, "end_time");
            long perMilli = 1;
            if (t >= 0) {
                var type = schema.getType(t).getLogicalTypeAnnotation();
                if (type instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    perMilli = switch (ts.getUnit()) {
                        case MILLIS -> 1;
                        case MICROS -> 1_000;
                        case NANOS -> 1_000_000;
                    };
                }
            } else {
                t = index(schema, "end_ms");
            }
            time = t;
            timeUnitsPerMilli = perMilli;
            open = index(schema, "open");
            high = index(schema, "high");
            low = index(schema, "low");
            close = index(schema, "close");
            volume = index(schema, "volume");
            if (time < 0 || open < 0 || high < 0 || low < 0 || close < 0) {
                throw new DataException(where + ": a bar file needs the columns end_time (or end_ms), open, high, "
                        + "low, close (as stratc data export writes them); it has " + schema.getFields().stream()
                        .map(org.apache.parquet.schema.Type::getName).toList());
            }
        }

        private static int index(MessageType schema, String name) {
            return schema.containsField(name) ? schema.getFieldIndex(name) : -1;
        }

        long time(Group g) {
            return Math.floorDiv(g.getLong(time, 0), timeUnitsPerMilli);
        }

        double number(Group g, int field) {
            return switch (schema.getType(field).asPrimitiveType().getPrimitiveTypeName()) {
                case DOUBLE -> g.getDouble(field, 0);
                case FLOAT -> g.getFloat(field, 0);
                case INT64 -> g.getLong(field, 0);
                case INT32 -> g.getInteger(field, 0);
                default -> throw new DataException("column " + schema.getType(field).getName()
                        + " is not a number");
            };
        }
    }

    /** One symbol and timeframe, as read (in any order: partitioned files come in path order). */
    private static final class Series {
        private final String market;
        private long[] time = new long[1024];
        private double[][] v = new double[5][1024];
        private int size;

        Series(String market) {
            this.market = market;
        }

        void add(long t, double o, double h, double l, double c, double vol) {
            if (size == time.length) {
                time = Arrays.copyOf(time, size * 2);
                for (int i = 0; i < 5; i++) {
                    v[i] = Arrays.copyOf(v[i], size * 2);
                }
            }
            time[size] = t;
            v[0][size] = o;
            v[1][size] = h;
            v[2][size] = l;
            v[3][size] = c;
            v[4][size] = vol;
            size++;
        }

        Bars build(String symbol, long timeframeMs, UniverseSpec spec) {
            Integer[] order = new Integer[size];
            boolean sorted = true;
            for (int i = 0; i < size; i++) {
                order[i] = i;
                sorted &= i == 0 || time[i - 1] < time[i];
            }
            if (!sorted) {
                Arrays.sort(order, Comparator.comparingLong(i -> time[i]));
            }
            long tf = timeframeMs > 0 ? timeframeMs : inferred();
            Market m = market != null ? Market.of(market) : spec.defaultMarket();
            Bars.Builder b = new Bars.Builder(symbol, m, Duration.ofMillis(tf), size);
            for (int k = 0; k < size; k++) {
                int i = order[k];
                b.add(time[i], v[0][i], v[1][i], v[2][i], v[3][i], v[4][i]);
            }
            return b.build();
        }

        private long inferred() {
            long min = Long.MAX_VALUE;
            long[] t = Arrays.copyOf(time, size);
            Arrays.sort(t);
            for (int i = 1; i < t.length; i++) {
                if (t[i] > t[i - 1]) {
                    min = Math.min(min, t[i] - t[i - 1]);
                }
            }
            return min == Long.MAX_VALUE ? 60_000 : min;
        }
    }
}
