package dev.stratc.bench.compiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.stratc.compiler.Analysis;
import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.indicators.catalog.FunctionRegistry;

/**
 * The compiler on the canonical example, warm: the whole pipeline (parse, check, generate Java, Janino), its
 * front end alone, Janino alone on the same generated Java (the part we do not own), and a cache hit.
 *
 * <pre>java -jar bench/target/benchmarks.jar CompilerBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompilerBenchmark {
    private final FunctionRegistry registry = FunctionRegistry.standard();
    private final StratCompiler cached = new StratCompiler(registry);
    private String source;
    private String generatedJava;

    @Setup
    public void setUp() throws IOException {
        Path example = Path.of(System.getProperty("stratc.example", "examples/momentum.strat"));
        source = Files.readString(example);
        CompileResult result = cached.compile(source, "momentum.strat");
        if (result.hasErrors()) {
            throw new IllegalStateException("momentum.strat does not compile: " + result.diagnostics());
        }
        generatedJava = result.javaSource();
    }

    /** What a first compile of the file costs in a running process: a fresh compiler, so no cache. */
    @Benchmark
    public CompileResult parseCheckGenerateJanino() {
        return new StratCompiler(registry).compile(source, "momentum.strat");
    }

    /** stratc check and the editor: parse and check only. */
    @Benchmark
    public Analysis parseAndCheck() {
        return new StratCompiler(registry).analyze(source, "momentum.strat");
    }

    /** The peer: Janino compiling the same generated class on its own. */
    @Benchmark
    public ClassLoader janinoAlone() throws CompileException {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(StratCompiler.class.getClassLoader());
        compiler.cook(generatedJava);
        return compiler.getClassLoader();
    }

    /** A second compile of the same text (an optimiser's trials, another symbol): a lookup. */
    @Benchmark
    public CompileResult cacheHit() {
        return cached.compile(source, "momentum.strat");
    }
}
