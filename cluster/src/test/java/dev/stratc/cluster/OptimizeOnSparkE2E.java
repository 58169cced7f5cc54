package dev.stratc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./stratc optimize … --spark local[2]} as a user types it: the launcher script, the command line's
 * distribution, which has no Spark and so starts a JVM with this module's job jar and Spark's jars, and Spark
 * in that JVM. Runs in the {@code integration-test} phase (after {@code package} built the job jar and copied
 * Spark's jars); the table and the files must be the built-in optimiser's, on the real bars of examples/data.
 */
class OptimizeOnSparkE2E {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String[] GRID = {"optimize", "examples/rsi2.strat",
        "--data", "examples/data/btcusd-bitstamp-5m.csv", "--capital", "10000", "--objective", "net-return",
        "-P", "oversold=4..8 step 2", "-P", "overbought=90,95"};

    @TempDir
    Path dir;

    @BeforeAll
    static void theReactorBuiltWhatTheLauncherRuns() {
        // -Dtest=… puts this class in the 'test' phase too, before 'package' has built the jars it runs
        assumeTrue(Boolean.getBoolean("stratc.e2e"), "runs in the integration-test phase (mvn verify)");
        assertThat(ROOT.resolve("cli/target/dist/lib")).as("the command line's distribution (cli package)")
                .isDirectory();
        assertThat(ROOT.resolve(SparkLaunchPaths.JOB_JAR)).as("the job jar (cluster package)").isRegularFile();
        assertThat(ROOT.resolve(SparkLaunchPaths.SPARK_JARS)).as("Spark's jars (cluster package)").isDirectory();
    }

    @Test
    void stratcOptimizeOnLocalSparkPrintsTheBuiltInTableAndWritesTheSameFiles() throws Exception {
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        Result builtIn = stratc(concat(GRID, "--out", local.toString()));
        Result onSpark = stratc(concat(GRID, "--spark", "local[2]", "--out", spark.toString()));

        assertThat(rows(onSpark.out)).isEqualTo(rows(builtIn.out)).hasSize(2 + 6);   // market line, header, 6 runs
        assertThat(spark.resolve("top.csv")).hasSameTextualContentAs(local.resolve("top.csv"));
        assertThat(spark.resolve("runs.csv")).hasSameTextualContentAs(local.resolve("runs.csv"));
        String best = bestDir(local);
        assertThat(spark.resolve(best).resolve("trades.csv"))
                .hasSameTextualContentAs(local.resolve(best).resolve("trades.csv"));
        assertThat(onSpark.out).contains("wrote " + spark.resolve(best).resolve("report.html"));
    }

    @Test
    void stratcWalksForwardOnLocalSparkWithTheBuiltInWindows() throws Exception {
        Result builtIn = stratc(concat(GRID, "--walk-forward", "3d:1d"));
        Result onSpark = stratc(concat(GRID, "--walk-forward", "3d:1d", "--spark", "local[2]"));

        assertThat(rows(onSpark.out)).isEqualTo(rows(builtIn.out)).hasSizeGreaterThan(4);
        assertThat(onSpark.out).contains("out-of-sample, windows chained");
    }

    private record Result(String out, String err) {
    }

    /** {@code ./stratc ARGS} from the repository root; the reactor has just built the distribution. */
    private Result stratc(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("stratc").toString());
        command.addAll(Arrays.asList(args));
        Path out = dir.resolve("stdout-" + System.nanoTime());
        Path err = dir.resolve("stderr-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("STRATC_SKIP_BUILD", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // loopback only, and no web UI port taken on a shared machine
        pb.environment().put("STRATC_SPARK_JAVA_OPTS", "-Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 "
                + "-Dspark.driver.bindAddress=127.0.0.1");
        pb.environment().remove("SPARK_HOME");
        pb.environment().remove("STRATC_CLUSTER_JAR");
        Process p = pb.start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(ended).as("stratc ended within 5 minutes; stderr:%n%s", stderr).isTrue();
        assertThat(p.exitValue()).as("exit code of stratc %s; stderr:%n%s", String.join(" ", args), stderr).isZero();
        return new Result(stdout, stderr);
    }

    /** The result rows (the header line names the thread count, which differs). */
    private static List<String> rows(String out) {
        List<String> lines = new ArrayList<>(out.lines().toList());
        lines.remove(0);
        lines.removeIf(l -> l.isBlank() || l.startsWith("wrote "));
        return lines;
    }

    private static String bestDir(Path out) throws IOException {
        try (var list = Files.list(out)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("best-1-run-")).findFirst()
                    .orElseThrow();
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Where the cluster module's build puts what {@code --spark} needs (the launcher's defaults). */
    private static final class SparkLaunchPaths {
        static final String JOB_JAR = "cluster/target/stratc-cluster-job.jar";
        static final String SPARK_JARS = "cluster/target/spark/jars";
    }
}
