package dev.stratc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.stratc.indicators.catalog.FunctionRegistry;

/**
 * A second compile of the same text is the first one's result; another text or file name compiles anew; a new
 * process (here: a new compiler) loads the class an earlier one compiled instead of running Janino again.
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

    private static Object instanceOf(CompileResult result) {
        return result.program().newInstance("X", dev.stratc.strategy.StrategySettings.defaults(
                java.time.Duration.ofMinutes(1), java.time.ZoneOffset.UTC));
    }
}
