package dev.stratc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.stratc.indicators.catalog.FunctionRegistry;

/** A second compile of the same text is the first one's result; another text or file name compiles anew. */
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
}
