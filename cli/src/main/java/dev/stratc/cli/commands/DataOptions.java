package dev.stratc.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.stratc.cli.CliException;
import dev.stratc.cli.Memory;
import dev.stratc.data.DataException;
import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.data.Repair;
import dev.stratc.data.SyntheticUniverse;
import dev.stratc.data.UniverseLoader;
import picocli.CommandLine.Option;

/** Where the bars come from, shared by backtest and optimize. */
public final class DataOptions {
    /** What runs when no --data is given: small, synthetic, and labelled so everywhere. */
    static final String DEFAULT_DATA = "synth:krx?symbols=50&days=5&seed=1";

    @Option(names = "--data", paramLabel = "SOURCE", description = {
        "A CSV file, a directory of CSV files (one per symbol), a DuckDB store (*.duckdb), or",
        "synth:krx?symbols=N&days=D&seed=S (synthetic). Default: " + DEFAULT_DATA})
    String data;

    @Option(names = "--market", paramLabel = "MARKET",
            description = {"Market of CSV data: krx, binance, binance-usdm (perpetual futures: maker/taker fees and",
                "funding) or generic (time zone, ticks, costs). Default: guessed from the file names (six-digit",
                "codes: krx; btc, eth, usdt…: binance), else generic."})
    String market;

    @Option(names = "--symbols", split = ",", paramLabel = "SYM", description = "Only these symbols.")
    List<String> symbols = List.of();

    @Option(names = "--timeframe", paramLabel = "DURATION",
            description = "Bar length, 1s to 366d (1m, 5m, 1d): needed for trade ticks; inferred from bars otherwise.")
    String timeframe;

    @Option(names = "--repair", paramLabel = "drop|fail", defaultValue = "fail",
            description = "Bad bars: fail (stop at the first, default) or drop (leave out, warn with file:line).")
    String repair;

    /** The market of the data: --market, or what the file names say (see {@link MarketGuess}). */
    MarketGuess marketGuess() {
        return MarketGuess.of(market, source());
    }

    String source() {
        return data != null ? data : DEFAULT_DATA;
    }

    ReadOptions readOptions() {
        Market m;
        try {
            m = marketGuess().market();
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--market: " + e.getMessage());
        }
        Duration tf = timeframe == null ? null : Durations.timeframe(timeframe);
        Repair r = switch (repair.toLowerCase(Locale.ROOT)) {
            case "drop" -> Repair.DROP;
            case "fail" -> Repair.FAIL;
            default -> throw CliException.usage("--repair '" + repair + "': use drop or fail");
        };
        return new ReadOptions(null, m, tf, r);
    }

    /**
     * Says how much memory the data will take, so that running out names the data and its size; synthetic
     * data that cannot fit at all is refused before minutes are spent generating it.
     */
    private void expectMemory() {
        String source = source();
        if (source.startsWith("synth:")) {
            SyntheticUniverse universe = SyntheticUniverse.parse(source);
            Memory.requireRoomFor(source + " (" + String.format(Locale.ROOT, "%,d", universe.bars()) + " bars)",
                    universe.bars() * SyntheticUniverse.BYTES_PER_BAR);
            return;
        }
        Path path = Path.of(source);
        try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
            // in memory a bar takes about what its CSV line does, read twice over while it is checked
            long bytes = files.filter(Files::isRegularFile).mapToLong(DataOptions::size).sum();
            Memory.expect(source + " (" + bytes / (1024 * 1024) + " MB on disk)", 3 * bytes);
        } catch (IOException | UncheckedIOException e) {
            // the loader says what is wrong with the path
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Loads the universe; every bar left out by {@code --repair drop} is reported on {@code err}. */
    UniverseLoader.Loaded load(PrintWriter err) {
        return load(err, Long.MAX_VALUE);
    }

    /**
     * Half the heap, in bars: a store with more is streamed in time windows by the commands that can
     * ({@code backtest}). {@code -Dstratc.store.maxBarsInMemory=N} (in STRATC_JAVA_OPTS) sets another limit.
     */
    static long barsThatFitInMemory() {
        return Long.getLong("stratc.store.maxBarsInMemory",
                Runtime.getRuntime().maxMemory() / 2 / UniverseLoader.BYTES_PER_BAR);
    }

    /** {@link #load(PrintWriter)}, streaming a store of more than {@code maxBarsInMemory} bars. */
    UniverseLoader.Loaded load(PrintWriter err, long maxBarsInMemory) {
        if (symbols.stream().anyMatch(String::isBlank)) {
            throw CliException.usage("--symbols '" + String.join(",", symbols) + "': name the symbols, separated by "
                    + "commas (--symbols 005930,000660)");
        }
        try {
            expectMemory();
            UniverseLoader.Loaded loaded;
            try (Progress progress = new Progress("load", 0, source().startsWith("synth:") ? "symbols" : "files")) {
                loaded = UniverseLoader.load(source(), readOptions(), symbols, maxBarsInMemory, progress::step);
            }
            if (loaded.bars().isEmpty()) {
                throw CliException.invalidInput(source() + ": no symbols to run"
                        + (symbols.isEmpty() ? "" : " (none of " + String.join(",", symbols) + ")"));
            }
            loaded.warnings().forEach(warning -> err.println("warning: " + warning));
            return loaded;
        } catch (DataException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--data: " + e.getMessage());
        }
    }
}
