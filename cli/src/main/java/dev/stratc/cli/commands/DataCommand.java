package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.cli.Memory;
import dev.stratc.data.BarStore;
import dev.stratc.data.Bars;
import dev.stratc.data.CsvBarReader;
import dev.stratc.data.DataException;
import dev.stratc.data.ReadResult;
import dev.stratc.data.SyntheticUniverse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Imports, exports, lists and generates market data in a DuckDB store (*.duckdb).",
        subcommands = {DataCommand.Import.class, DataCommand.Export.class, DataCommand.ListBars.class,
            DataCommand.Synth.class, DataFetchCommand.class})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static BarStore open(Path store) {
        if (!store.toString().endsWith(".duckdb")) {
            throw CliException.usage("--store '" + store + "': a store is a DuckDB file named *.duckdb");
        }
        try {
            return BarStore.open(store);
        } catch (DataException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Reads CSV files (OHLCV, Binance klines, trade ticks; validated) or Parquet into the store.",
                "Bars of a symbol and timeframe replace stored ones in the same time range."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV or Parquet files, or directories of them.")
        List<Path> files;

        @Option(names = "--store", required = true, paramLabel = "FILE.duckdb", description = "The store.")
        Path store;

        @Mixin
        DataOptions data = new DataOptions();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            long bars = 0;
            List<Path> all = expand(files);
            try (BarStore s = open(store); Progress progress = new Progress("import", all.size(), "files")) {
                // CSV files are read one by one and saved in batches of about a million bars: one
                // transaction and one delete scan of the store per batch, not per file.
                List<BarStore.Upload> batch = new java.util.ArrayList<>();
                long batched = 0;
                int done = 0;
                for (Path f : all) {
                    progress.accept(done++);
                    if (f.toString().endsWith(".parquet")) {
                        s.saveSeries(batch);
                        batch.clear();
                        batched = 0;
                        bars += s.importParquet(f);
                        continue;
                    }
                    ReadResult r = CsvBarReader.read(f, data.readOptions().withSymbol(
                            data.symbols.size() == 1 ? data.symbols.get(0) : CsvBarReader.symbolOf(f)));
                    r.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
                    batch.add(new BarStore.Upload(r.bars(), "csv:" + f.getFileName()));
                    out.println(r.bars());
                    bars += r.bars().size();
                    batched += r.bars().size();
                    if (batched >= 1_000_000) {
                        s.saveSeries(batch);
                        batch.clear();
                        batched = 0;
                    }
                }
                s.saveSeries(batch);
            } catch (DataException e) {
                throw CliException.invalidInput(e.getMessage(), e);
            }
            out.println("imported " + bars + " bars into " + store);
            return ExitCode.OK;
        }

        private static List<Path> expand(List<Path> paths) throws java.io.IOException {
            List<Path> out = new java.util.ArrayList<>();
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    try (var list = Files.list(p)) {
                        list.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".parquet"))
                                .sorted().forEach(out::add);
                    }
                } else if (Files.exists(p)) {
                    out.add(p);
                } else {
                    throw CliException.invalidInput(p + ": no such file");
                }
            }
            return out;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes stored bars to a Parquet or CSV file (by its extension).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "out.parquet or out.csv")
        Path file;

        @Option(names = "--store", required = true, paramLabel = "FILE.duckdb", description = "The store.")
        Path store;

        @Option(names = "--symbols", split = ",", paramLabel = "SYM", description = "Only these symbols.")
        List<String> symbols = List.of();

        @Override
        public Integer call() {
            requireExisting(store);
            try (BarStore s = open(store)) {
                long n = s.export(file, symbols);
                spec.commandLine().getOut().println("exported " + n + " bars to " + file);
            } catch (DataException e) {
                throw CliException.failure(e.getMessage(), e);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the symbols and timeframes stored.")
    static final class ListBars implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--store", required = true, paramLabel = "FILE.duckdb", description = "The store.")
        Path store;

        @Override
        public Integer call() {
            requireExisting(store);
            PrintWriter out = spec.commandLine().getOut();
            try (BarStore s = open(store)) {
                var entries = s.list();
                out.printf(Locale.ROOT, "%-12s %-8s %-9s %10s  %-20s  %-20s  %s%n", "symbol", "market", "timeframe",
                        "bars", "first bar end", "last bar end", "source");
                for (var e : entries) {
                    out.printf(Locale.ROOT, "%-12s %-8s %-9s %10d  %-20s  %-20s  %s%n", e.symbol(), e.market(),
                            timeframe(e.timeframe()), e.bars(), Instant.ofEpochMilli(e.firstEndMs()),
                            Instant.ofEpochMilli(e.lastEndMs()), e.source());
                }
                out.println(entries.size() + " series");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "synth", mixinStandardHelpOptions = true,
            description = {"Generates a seeded KRX-like universe of 1-minute bars (SYNTHETIC: KRX ticks, ±30 %% limits,",
                "U-shaped volume, injected surges) into a store or a directory of CSV files."})
    static final class Synth implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--symbols", defaultValue = "100", paramLabel = "N", description = "Symbols, 1 to " + SyntheticUniverse.MAX_SYMBOLS + " (default 100).")
        int symbols;

        @Option(names = "--days", defaultValue = "5", paramLabel = "N", description = "Trading days, 1 to " + SyntheticUniverse.MAX_DAYS + " (default 5).")
        int days;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed (default 1).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "FILE.duckdb|DIR",
                description = "A store (*.duckdb) or a directory for one CSV file per symbol.")
        Path out;

        private static final int WRITE_SLICE = 100;

        @Override
        public Integer call() throws Exception {
            SyntheticUniverse u;
            try {
                u = SyntheticUniverse.of(symbols, days, seed);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage().replaceFirst("^(symbols|days)=", "--$1 "));
            }
            Memory.requireRoomFor(u + " (" + String.format(Locale.ROOT, "%,d", u.bars()) + " bars)",
                    u.bars() * SyntheticUniverse.BYTES_PER_BAR);
            List<Bars> bars;
            try (Progress progress = new Progress("generate", symbols, "symbols")) {
                bars = u.generate(progress);
            }
            try (Progress progress = new Progress("write " + out.getFileName(), bars.size(), "symbols")) {
                if (out.toString().endsWith(".duckdb")) {
                    try (BarStore s = open(out)) {
                        // in slices of symbols, so that the bar moves; each symbol replaces only its own bars
                        for (int from = 0; from < bars.size(); from += WRITE_SLICE) {
                            int to = Math.min(bars.size(), from + WRITE_SLICE);
                            s.saveAll(bars.subList(from, to), "synthetic:" + u);
                            progress.accept(to);
                        }
                    }
                } else {
                    Files.createDirectories(out);
                    for (int i = 0; i < bars.size(); i++) {
                        writeCsv(bars.get(i), out.resolve(bars.get(i).symbol() + ".csv"));
                        progress.accept(i + 1);
                    }
                }
            }
            spec.commandLine().getOut().println("wrote " + bars.size() + " synthetic symbols × " + days + " days ("
                    + (long) bars.size() * days * SyntheticUniverse.BARS_PER_DAY + " bars) to " + out);
            return ExitCode.OK;
        }

        private static void writeCsv(Bars b, Path file) throws java.io.IOException {
            try (var w = Files.newBufferedWriter(file)) {
                w.write("end_time,open,high,low,close,volume\n");
                for (int i = 0; i < b.size(); i++) {
                    w.write(Instant.ofEpochMilli(b.time(i)) + "," + (long) b.open(i) + "," + (long) b.high(i) + ","
                            + (long) b.low(i) + "," + (long) b.close(i) + "," + (long) b.volume(i) + "\n");
                }
            }
        }
    }

    static void requireExisting(Path store) {
        if (!Files.exists(store)) {
            throw CliException.invalidInput(store + ": no such store (create one with stratc data import or synth)");
        }
    }

    static String timeframe(java.time.Duration d) {
        return Durations.text(d);
    }
}
