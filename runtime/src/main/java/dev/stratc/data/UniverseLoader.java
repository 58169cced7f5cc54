package dev.stratc.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a {@code --data} argument into a universe: a CSV file (one symbol), a directory of CSV files (one symbol
 * each, named by the file), a DuckDB store ({@code *.duckdb}), or {@code synth:krx?symbols=…&days=…&seed=…}.
 */
public final class UniverseLoader {
    private UniverseLoader() {
    }

    /**
     * The universe and every warning about repaired data. A store too large for memory comes as
     * {@code windows} to stream, and {@code bars} then lists its series without their bars (names, markets,
     * timeframes); close it to close the store.
     */
    public record Loaded(List<Bars> bars, List<String> warnings, String description, boolean synthetic,
                         StoreWindows windows, java.util.Map<String, java.util.Map<Long, Double>> fundingRates)
            implements AutoCloseable {
        public Loaded {
            fundingRates = fundingRates == null ? java.util.Map.of() : java.util.Map.copyOf(fundingRates);
        }

        public Loaded(List<Bars> bars, List<String> warnings, String description, boolean synthetic) {
            this(bars, warnings, description, synthetic, null, null);
        }

        public Loaded(List<Bars> bars, List<String> warnings, String description, boolean synthetic,
                      StoreWindows windows) {
            this(bars, warnings, description, synthetic, windows, null);
        }

        public boolean streamed() {
            return windows != null;
        }

        /** Bars in the universe, streamed or not. */
        public long totalBars() {
            return streamed() ? windows.totalBars() : bars.stream().mapToLong(Bars::size).sum();
        }

        @Override
        public void close() {
            if (windows != null) {
                windows.close();
            }
        }
    }

    /** Bytes one bar takes in memory: a time and five prices, 8 bytes each. */
    public static final int BYTES_PER_BAR = 48;

    /** Loads the whole universe into memory. */
    public static Loaded load(String spec, ReadOptions options, List<String> symbols) {
        return load(spec, options, symbols, Long.MAX_VALUE);
    }

    /**
     * Loads the universe into memory if it has at most {@code maxBarsInMemory} bars; a larger store is
     * streamed instead, in windows of at most an eighth of that (and of 2 M bars).
     */
    public static Loaded load(String spec, ReadOptions options, List<String> symbols, long maxBarsInMemory) {
        return load(spec, options, symbols, maxBarsInMemory, Steps.NONE);
    }

    /** How far loading is: {@code done} of {@code total} symbols or files (for a progress bar). */
    @FunctionalInterface
    public interface Steps {
        Steps NONE = (done, total) -> { };

        void step(long done, long total);
    }

    /** {@link #load(String, ReadOptions, List, long)}, reporting each symbol generated or file read. */
    public static Loaded load(String spec, ReadOptions options, List<String> symbols, long maxBarsInMemory,
                              Steps steps) {
        if (spec.startsWith("synth:")) {
            SyntheticUniverse u = SyntheticUniverse.parse(spec);
            List<Bars> bars = u.generate(done -> steps.step(done, u.symbols()));
            return new Loaded(filter(bars, symbols), List.of(), "SYNTHETIC " + u, true);
        }
        Path path = Path.of(spec);
        if (!Files.exists(path)) {
            throw new DataException(spec + ": no such file or directory");
        }
        if (spec.endsWith(".duckdb")) {
            return fromStore(spec, path, options, symbols, maxBarsInMemory);
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                list.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new DataException(spec + ": cannot list: " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new DataException(spec + ": no .csv files in this directory");
            }
        } else {
            files.add(path);
        }
        List<Bars> bars = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long read = 0;
        for (Path f : files) {
            steps.step(read++, files.size());
            String symbol = files.size() == 1 && options.symbol() != null ? options.symbol()
                    : CsvBarReader.symbolOf(f);
            if (!symbols.isEmpty() && !symbols.contains(symbol)) {
                continue;
            }
            ReadResult r = CsvBarReader.read(f, options.withSymbol(symbol));
            bars.add(r.bars());
            warnings.addAll(r.warnings());
        }
        steps.step(files.size(), files.size());
        return new Loaded(bars, warnings, spec, false);
    }

    private static Loaded fromStore(String spec, Path path, ReadOptions options, List<String> symbols,
                                    long maxBarsInMemory) {
        long perWindow = Math.max(1, Math.min(2_000_000, maxBarsInMemory / 8));
        BarStore store = BarStore.open(path);
        StoreWindows windows;
        try {
            windows = store.windows(symbols, options.timeframe(), Long.MIN_VALUE, Long.MAX_VALUE, perWindow);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        java.util.Map<String, java.util.Map<Long, Double>> funding;
        try {
            funding = store.fundingRates(Market.BINANCE_USDM.id());
        } catch (RuntimeException e) {
            windows.close();
            throw e;
        }
        try {
            if (windows.seriesCount() == 0) {
                throw new DataException(spec + ": the store has no bars"
                        + (symbols.isEmpty() ? "" : " for " + String.join(", ", symbols)));
            }
            if (windows.totalBars() > maxBarsInMemory) {
                return new Loaded(windows.series(), List.of(), spec, false, windows, funding);
            }
            List<Bars> bars = windows.all();
            windows.close();
            return new Loaded(bars, List.of(), spec, false, null, funding);
        } catch (RuntimeException e) {
            windows.close();
            throw e;
        }
    }

    private static List<Bars> filter(List<Bars> bars, List<String> symbols) {
        return symbols.isEmpty() ? bars : bars.stream().filter(b -> symbols.contains(b.symbol())).toList();
    }
}
