package dev.stratc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.stratc.indicators.catalog.FunctionRegistry;

/**
 * A second compile of the same text is the first one's result; another text or file name compiles anew; a new
 * process (here: a new compiler) loads the class an earlier one compiled instead of running Janino again, through
 * the same allow-list class loader, so a tampered cache file cannot run code of its own.
 */
class CompileCacheTest {
    private static final String SOURCE = "strategy(\"Cached\") {\n  entry {\n    when (close > open) {\n      buy()\n    }\n  }\n}\n";

    @Test
    void sameTextSameFileIsCompiledOnce() {
        StratCompiler compiler = new StratCompiler(FunctionRegistry.standard());

        CompileResult first = compiler.compile(SOURCE, "a.strat");

        assertThat(compiler.compile(SOURCE, "a.strat")).isSameAs(first);
        assertThat(compiler.compile(SOURCE, "b.strat")).isNotSameAs(first);
        assertThat(compiler.compile(SOURCE.replace("open", "open[1]"), "a.strat")).isNotSameAs(first);
        assertThat(first.program().info().sourceHash()).hasSize(64);
    }

    @Test
    void aNewCompilerLoadsTheClassAnEarlierOneCompiled() throws java.io.IOException {
        String source = SOURCE.replace("Cached", "OnDisk" + System.nanoTime());
        java.nio.file.Path cache = java.nio.file.Path.of(System.getProperty("stratc.cache.dir"));

        CompileResult first = new StratCompiler(FunctionRegistry.standard()).compile(source, "disk.strat");
        CompileResult second = new StratCompiler(FunctionRegistry.standard()).compile(source, "disk.strat");

        ClassLoader firstLoader = instanceOf(first).getClass().getClassLoader();
        ClassLoader secondLoader = instanceOf(second).getClass().getClassLoader();
        assertThat(secondLoader).isNotSameAs(firstLoader);
        // Read back from disk, and defined in the same allow-list loader as a fresh compilation.
        assertThat(firstLoader.getName()).isEqualTo("stratc-strategy");
        assertThat(secondLoader.getName()).isEqualTo("stratc-strategy-cached");
        assertThat(secondLoader.getClass()).isSameAs(firstLoader.getClass());
        try (var files = java.nio.file.Files.list(cache)) {
            assertThat(files.filter(file -> file.toString().endsWith(".class"))).isNotEmpty();
        }
    }

    @Test
    void aTamperedCacheFileIsRefusedAndReplacedNotRun() throws Exception {
        String source = SOURCE.replace("Cached", "Tampered" + System.nanoTime());
        java.nio.file.Path cache = java.nio.file.Path.of(System.getProperty("stratc.cache.dir"));
        java.util.Set<java.nio.file.Path> before = classFiles(cache);
        CompileResult first = new StratCompiler(FunctionRegistry.standard()).compile(source, "tampered.strat");
        java.util.Set<java.nio.file.Path> written = classFiles(cache);
        written.removeAll(before);
        assertThat(written).hasSize(1);
        java.nio.file.Path entry = written.iterator().next();

        // The class an attacker with write access to the cache would leave there: same name, same constructor,
        // a static initialiser that reaches the machine.
        String className = first.generated().className();
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String evil = "package dev.stratc.generated;\n"
                + "public final class " + simpleName + " implements dev.stratc.strategy.SymbolStrategy {\n"
                + "  static { System.setProperty(\"stratc.cache.tampered\", \"ran\"); }\n"
                + "  public " + simpleName + "(String s, dev.stratc.strategy.ParameterValue[] p, long t, java.time.ZoneId z) {}\n"
                + "  public void onBar(dev.stratc.strategy.BarView b, dev.stratc.strategy.PositionView p,"
                + " dev.stratc.strategy.ActionSink a) { System.setProperty(\"stratc.cache.tampered\", \"ran\"); }\n"
                + "  public dev.stratc.strategy.Stops stops() { return null; }\n"
                + "  public int warmupBars() { return 0; }\n}\n";
        org.codehaus.janino.SimpleCompiler unrestricted = new org.codehaus.janino.SimpleCompiler();
        unrestricted.cook(evil);
        byte[] tampered = unrestricted.getBytecodes().get(className);
        java.nio.file.Files.write(entry, tampered);

        CompileResult second = new StratCompiler(FunctionRegistry.standard()).compile(source, "tampered.strat");
        Object strategy = instanceOf(second);

        assertThat(System.getProperty("stratc.cache.tampered")).isNull();
        assertThat(strategy.getClass().getClassLoader().getName()).isEqualTo("stratc-strategy");
        assertThat(((dev.stratc.strategy.SymbolStrategy) strategy).stops()).isNotNull();
        assertThat(java.nio.file.Files.readAllBytes(entry)).isNotEqualTo(tampered);
    }

    private static java.util.Set<java.nio.file.Path> classFiles(java.nio.file.Path cache) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(cache)) {
            return new java.util.HashSet<>();
        }
        try (var files = java.nio.file.Files.list(cache)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    private static Object instanceOf(CompileResult result) {
        return result.program().newInstance("X", dev.stratc.strategy.StrategySettings.defaults(
                java.time.Duration.ofMinutes(1), java.time.ZoneOffset.UTC));
    }
}
