package dev.stratc.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import dev.stratc.backtest.optimize.Optimizer;
import dev.stratc.cli.commands.OptimizeBackend;
import dev.stratc.data.Bars;
import dev.stratc.data.ReadOptions;

/**
 * {@code stratc optimize --spark MASTER}: found by the command line through {@link java.util.ServiceLoader} when
 * the job jar is on its classpath. The driver is this JVM (client mode); under {@code spark-submit} the session
 * spark-submit configured is used, with its master.
 */
public final class SparkBackend implements OptimizeBackend {

    /** Creates the session on a daemon thread; {@link #session} later gets the same one (Spark synchronises it). */
    @Override
    public void prepare(String master) {
        Thread t = new Thread(() -> {
            try {
                session(master);
            } catch (RuntimeException | LinkageError e) {
                // reported when the search creates the session in the foreground
            }
        }, "stratc-spark-start");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public boolean reads(String data) {
        return UniverseSpec.isParquet(data);
    }

    @Override
    public List<Bars> load(String data, ReadOptions read, List<String> symbols) {
        return UniverseSpec.of(data, read, symbols, Map.of()).load();
    }

    @Override
    public Outcome grid(Request request, LongConsumer progress) {
        SparkSession session = session(request.master());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        return new SparkOptimizer(jsc).grid(job(request, jsc), request.config(), request.grid(), request.objective(), progress);
    }

    @Override
    public WalkForwardOutcome walkForward(Request request, List<Optimizer.Span> windows, LongConsumer progress) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session(request.master()).sparkContext());
        return new SparkOptimizer(jsc).walkForward(job(request, jsc), request.config(), request.grid(),
                request.objective(), windows, progress);
    }

    private static TrialJob job(Request request, JavaSparkContext jsc) {
        TrialJob job = new TrialJob(request.file().toString(), request.source(),
                UniverseSpec.of(request.data(), request.read(), request.symbols(), hadoop(jsc.getConf())));
        if (jsc.sc().isLocal()) {
            // local[*]: the executor is this JVM; without this it would generate or read its own copy of the bars
            // the command line just loaded (seconds of the search, twice the memory).
            ExecutorCache.seed(job.universe(), request.bars());
        }
        return job;
    }

    static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("stratc optimize")
                .config("spark.ui.showConsoleProgress", "false");
        if (master != null && System.getProperty("spark.master") == null) {
            b.master(master);
        }
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }

    /** {@code spark.hadoop.*} of the driver, for the executors' Parquet reads (S3 endpoints and the like). */
    private static Map<String, String> hadoop(SparkConf conf) {
        Map<String, String> out = new HashMap<>();
        for (var e : conf.getAllWithPrefix("spark.hadoop.")) {
            out.put(e._1(), e._2());
        }
        return out;
    }
}
