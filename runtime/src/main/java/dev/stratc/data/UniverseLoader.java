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

    /** The universe and every warning about repaired data. */
    public record Loaded(List<Bars> bars, List<String> warnings, String description, boolean synthetic) {
    }

    public static Loaded load(String spec, ReadOptions options, List<String> symbols) {
        if (spec.startsWith("synth:")) {
            SyntheticUniverse u = SyntheticUniverse.parse(spec);
            List<Bars> bars = u.generate();
            return new Loaded(filter(bars, symbols), List.of(), "SYNTHETIC " + u, true);
        }
        Path path = Path.of(spec);
        if (!Files.exists(path)) {
            throw new DataException(spec + ": no such file or directory");
        }
        if (spec.endsWith(".duckdb")) {
            try (BarStore store = BarStore.open(path)) {
                List<Bars> bars = store.load(symbols, options.timeframe(), Long.MIN_VALUE, Long.MAX_VALUE);
                if (bars.isEmpty()) {
                    throw new DataException(spec + ": the store has no bars"
                            + (symbols.isEmpty() ? "" : " for " + String.join(", ", symbols)));
                }
                return new Loaded(bars, List.of(), spec, false);
            }
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
        for (Path f : files) {
            String symbol = files.size() == 1 && options.symbol() != null ? options.symbol()
                    : CsvBarReader.symbolOf(f);
            if (!symbols.isEmpty() && !symbols.contains(symbol)) {
                continue;
            }
            ReadResult r = CsvBarReader.read(f, options.withSymbol(symbol));
            bars.add(r.bars());
            warnings.addAll(r.warnings());
        }
        return new Loaded(bars, warnings, spec, false);
    }

    private static List<Bars> filter(List<Bars> bars, List<String> symbols) {
        return symbols.isEmpty() ? bars : bars.stream().filter(b -> symbols.contains(b.symbol())).toList();
    }
}
