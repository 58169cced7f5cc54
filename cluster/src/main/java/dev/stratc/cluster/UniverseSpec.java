package dev.stratc.cluster;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.data.Repair;
import dev.stratc.data.UniverseLoader;

/**
 * Where the bars are and how to read them: what is broadcast to the executors (a few hundred bytes), never the
 * bars themselves. Each executor reads the universe from it once ({@link ExecutorCache}).
 *
 * @param data        Parquet on any path Spark reads (a file, or a directory of them, partitioned by
 *                    {@code symbol=…} or one file per symbol), or what {@code --data} takes locally ({@code synth:…},
 *                    a CSV directory, a DuckDB store: then the same path must exist on every executor)
 * @param market      market id for data that does not name its own, {@code null} for generic
 * @param timeframeMs bar length for data that does not say it, 0 to infer it
 * @param repair      what to do with bad bars of CSV data
 * @param symbols     only these symbols (all when empty)
 * @param hadoop      Hadoop settings ({@code spark.hadoop.*} of the driver, prefix removed): S3 endpoints, keys
 */
public record UniverseSpec(String data, String market, long timeframeMs, String repair, List<String> symbols,
                           Map<String, String> hadoop) implements Serializable {

    public UniverseSpec {
        symbols = List.copyOf(symbols);
        hadoop = Map.copyOf(hadoop);
    }

    public static UniverseSpec of(String data, ReadOptions read, List<String> symbols, Map<String, String> hadoop) {
        return new UniverseSpec(data, read.market() == null ? null : read.market().id(),
                read.timeframe() == null ? 0 : read.timeframe().toMillis(),
                read.repair() == null ? Repair.FAIL.name() : read.repair().name(), symbols, hadoop);
    }

    /** Whether the bars are Parquet (read through Hadoop's file systems) rather than a local stratc source. */
    public static boolean isParquet(String data) {
        if (data.startsWith("synth:")) {
            return false;
        }
        String lower = data.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet") || lower.endsWith(".parquet/") || data.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return true;
        }
        java.nio.file.Path dir = java.nio.file.Path.of(data);
        if (!java.nio.file.Files.isDirectory(dir)) {
            return false;
        }
        try (var walk = java.nio.file.Files.walk(dir, 3)) {
            return walk.anyMatch(p -> p.toString().endsWith(".parquet"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    Market defaultMarket() {
        return market == null ? Market.GENERIC : Market.of(market);
    }

    ReadOptions readOptions() {
        return new ReadOptions(null, defaultMarket(), timeframeMs == 0 ? null : Duration.ofMillis(timeframeMs),
                Repair.valueOf(repair));
    }

    /** Reads the universe: the same bars, in the same order, on the driver and on every executor. */
    public List<Bars> load() {
        if (isParquet(data)) {
            return ParquetBars.read(this);
        }
        return UniverseLoader.load(data, readOptions(), symbols).bars();
    }
}
