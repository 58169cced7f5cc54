package dev.stratc.cli.commands;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.stratc.cli.CliException;

/**
 * {@code stratc optimize --spark MASTER} without Spark on the command line's classpath: the command is run again
 * in a JVM that has the cluster module's job jar and Spark's jars, where {@link OptimizeBackend#find()} finds the
 * Spark backend. The command line's distribution stays free of Spark's ~300 MB; only {@code --spark} needs them.
 *
 * <p>The job jar is {@code $STRATC_CLUSTER_JAR}, else {@code cluster/target/stratc-cluster-job.jar} of the
 * source tree stratc runs from. Spark's jars are {@code $SPARK_HOME/jars}, else {@code cluster/target/spark/jars}
 * (copied there by the cluster module's build for {@code local[*]} trials).
 */
final class SparkLaunch {
    static final String JOB_JAR = "cluster/target/stratc-cluster-job.jar";
    static final String SPARK_JARS = "cluster/target/spark/jars";
    static final String BUILD = "./mvnw -B -q -DskipTests -pl cluster -am package";
    /**
     * What Spark needs opened on Java 17 and later (as spark-submit's launcher adds them), and the garbage collector
     * the stratc script gives the built-in optimiser (the backtest allocates little and wants throughput).
     */
    static final List<String> JAVA_OPTIONS = List.of("-XX:+UseParallelGC", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false");

    private SparkLaunch() {
    }

    /** The job jar, or a message saying how to build it. */
    static Path jobJar() {
        String env = System.getenv("STRATC_CLUSTER_JAR");
        Path jar = env != null && !env.isBlank() ? Path.of(env) : root().resolve(JOB_JAR);
        if (!Files.isRegularFile(jar)) {
            throw CliException.usage("--spark needs the cluster module's job jar, which is not at " + jar
                    + ": build it with '" + BUILD + "' in the source tree, or set STRATC_CLUSTER_JAR to it "
                    + "(docs/optimisation.md, 'Running on Apache Spark')");
        }
        return jar.toAbsolutePath();
    }

    /** Spark's jars: a classpath entry ({@code dir/*}). */
    static String sparkJars() {
        String home = System.getenv("SPARK_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home, "jars") : root().resolve(SPARK_JARS);
        if (!Files.isDirectory(dir)) {
            throw CliException.usage("--spark needs Spark's jars, which are not at " + dir + ": set SPARK_HOME to "
                    + "a Spark 4.2 installation, or build them with '" + BUILD + "'");
        }
        return dir.toAbsolutePath() + "/*";
    }

    /** Runs {@code stratc <args>} in a JVM with the job jar and Spark; returns its exit code. */
    static int relaunch(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA_OPTIONS);
        String opts = System.getenv("STRATC_SPARK_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(List.of(opts.strip().split("\\s+")));
        }
        command.add("-Dstratc.spark.child=true");
        command.add("-cp");
        command.add(jobJar() + java.io.File.pathSeparator + sparkJars());
        command.add("dev.stratc.cli.Main");
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw CliException.failure("cannot start the Spark JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** The spark-submit command that runs {@code stratc <args>} as a Spark application. */
    static String submitCommand(String master, List<String> args) {
        String jar = jobJar().toString();
        StringBuilder sb = new StringBuilder("\"$SPARK_HOME\"/bin/spark-submit --master ").append(quote(master))
                .append(" --deploy-mode client --class dev.stratc.cli.Main")
                .append(" \\\n  ").append(quote(jar)).append(" optimize");
        if (!args.contains("--spark")) {
            sb.append(" --spark ").append(quote(master));
        }
        for (String a : args) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=,@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** The source tree stratc runs from: where its jar is, up to the directory holding {@code cluster/}. */
    static Path root() {
        try {
            Path p = Path.of(SparkLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = p; d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("cluster")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                    return d;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
