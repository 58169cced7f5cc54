package dev.stratc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.indicators.catalog.FunctionRegistry;

/**
 * Each of {@link CompilerLimits} is a located diagnostic with its numbers just past the limit, and compiles just
 * within it, on a thread with half the JVM's default stack; what only the class-file format limits is
 * S036, never S000. Generated methods are split, so thousands of rules and indicators compile.
 */
class CompilerLimitsTest {
    /** Half the JVM's default thread stack: the limits must hold with room to spare. */
    private static final ExecutorService SMALL_STACK = Executors.newSingleThreadExecutor(
            runnable -> new Thread(null, runnable, "small-stack", 512 * 1024));

    @AfterAll
    static void stop() {
        SMALL_STACK.shutdownNow();
    }

    @Test
    void aFiftyThousandTermChainIsLocatedWithItsDepth() throws Exception {
        List<Diagnostic> diagnostics = compile(entry(chain(50_000, " + ") + " > 0"));
        assertThat(diagnostics).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.code()).isEqualTo(DiagnosticCode.EXPRESSION_TOO_DEEP);
            assertThat(diagnostic.span().line()).isEqualTo(3);
            assertThat(diagnostic.span().column()).isEqualTo(11);
            assertThat(diagnostic.message()).isEqualTo(
                    "this expression is 50,001 levels deep; an expression may be at most 100");
        });
    }

    @Test
    void aChainAtTheLimitCompiles() throws Exception {
        // 99 terms: 98 additions, the comparison and the last name make 100 levels. Janino's recursion over the
        // Java of such a chain needs the JVM's default thread stack (what stratc runs on), not the small one the
        // limits are checked on: on 512 KB it overflowed now and then, when its frames were not yet JIT-compiled.
        assertThat(onDefaultStack(() -> new StratCompiler(FunctionRegistry.standard())
                .compile(entry(chain(99, " / ") + " > 0"), "limits.strat").diagnostics())).isEmpty();
        assertThat(onDefaultStack(() -> new StratCompiler(FunctionRegistry.standard())
                .compile(entry(chain(99, " + ") + " > 0"), "limits.strat").diagnostics())).isEmpty();
        assertThat(compile(entry(chain(100, " + ") + " > 0"))).extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.EXPRESSION_TOO_DEEP);
    }

    @Test
    void letNamesCountWithWhatTheyStandFor() throws Exception {
        String source = "strategy(\"Lets" + System.nanoTime() + "\") {\n  let a = " + chain(60, " - ") + "\n  entry {\n    when (a - "
                + chain(45, " - ") + " > 0) {\n      buy()\n    }\n  }\n}\n";
        List<Diagnostic> diagnostics = compile(source);
        assertThat(diagnostics).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.code()).isEqualTo(DiagnosticCode.EXPRESSION_TOO_DEEP);
            assertThat(diagnostic.span().line()).isEqualTo(4);
            assertThat(diagnostic.span().column()).isEqualTo(11);
            assertThat(diagnostic.message()).isEqualTo(
                    "this expression is 107 levels deep; an expression may be at most 100");
        });
        assertThat(compile(source.replace(chain(45, " - "), chain(30, " - ")))).isEmpty();
    }

    @Test
    void bracketsBeyondTheLimitAreLocatedWhereTheyCrossIt() throws Exception {
        List<Diagnostic> diagnostics = compile(entry("(".repeat(20_000) + "close" + ")".repeat(20_000) + " > 0"));
        assertThat(diagnostics).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.code()).isEqualTo(DiagnosticCode.TOO_DEEP);
            assertThat(diagnostic.span().line()).isEqualTo(3);
            // strategy( entry { when ( are three levels: the 98th parenthesis is the 101st bracket.
            assertThat(diagnostic.span().column()).isEqualTo(11 + 97);
            assertThat(diagnostic.message()).isEqualTo("brackets are nested 20,003 deep; at most 100 are allowed");
        });
        assertThat(compile(entry("(".repeat(96) + "close" + ")".repeat(96) + " > 0"))).isEmpty();
        String whens = "strategy(\"Whens" + System.nanoTime() + "\") {\n  entry {\n" + "when (close > 1) {\n".repeat(97) + "buy()\n"
                + "}\n".repeat(97) + "  }\n}\n";
        assertThat(compile(whens)).isEmpty();
    }

    @Test
    void thousandsOfRulesCompileAndOneTooManyIsLocated() throws Exception {
        // 2,500 rules of two statements each: the limit, exactly.
        String rules = rules(2_500);
        CompileResult result = onSmallStack(() -> new StratCompiler(FunctionRegistry.standard()).compile(rules, "r.strat"));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.javaSource()).contains("private void rules");

        List<Diagnostic> diagnostics = analyze(rules.replace("  }\n}\n", "    log(\"one more\")\n  }\n}\n"));
        assertThat(diagnostics).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.code()).isEqualTo(DiagnosticCode.TOO_MANY_STATEMENTS);
            assertThat(diagnostic.span().line()).isEqualTo(2_503);
            assertThat(diagnostic.message()).isEqualTo(
                    "a strategy may have at most 5,000 statements; this is statement 5,001");
        });
    }

    @Test
    void hundredsOfIndicatorsAreCreatedAndUpdatedInSplitMethods() throws Exception {
        StringBuilder source = new StringBuilder("strategy(\"Many" + System.nanoTime() + "\", timeframe: 1m) {\n  entry {\n");
        for (int i = 0; i < 300; i++) {
            source.append("    when (sma(close, ").append(i + 2).append(") > close[").append(i + 1).append("]) {\n")
                    .append("      buy(quantity: 1)\n    }\n");
        }
        source.append("  }\n}\n");
        CompileResult result = new StratCompiler(FunctionRegistry.standard()).compile(source.toString(), "m.strat");
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.javaSource()).contains("private void create", "private void update", "private void warmup");
        // warmup auto: the slowest indicator is sma(301), the longest history close[300].
        assertThat(result.program().newInstance("X", dev.stratc.strategy.StrategySettings.defaults(
                java.time.Duration.ofMinutes(1), java.time.ZoneOffset.UTC)).warmupBars()).isEqualTo(300);
    }

    @Test
    void longTextsCompile() throws Exception {
        String name = "N".repeat(200_000);
        CompileResult result = new StratCompiler(FunctionRegistry.standard()).compile(
                "strategy(\"" + name + "\") {\n  entry {\n    when (close > 1) {\n      log(\"" + "\u4e2d".repeat(100_000)
                        + "\")\n    }\n  }\n}\n", "long.strat");
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.program().info().name()).isEqualTo(name);
    }

    @Test
    void whatOnlyTheClassFileFormatLimitsIsS036AtTheName() throws Exception {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            fields.append(i == 0 ? "" : ", ").append("f").append(i).append(": close");
        }
        String source = "strategy(\"Wide\") {\n  scan {\n    when (close > 1) {\n      signal(\"S\", { " + fields
                + " })\n    }\n  }\n}\n";
        CompileResult result = new StratCompiler(FunctionRegistry.standard()).compile(source, "wide.strat");
        assertThat(result.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.code()).isEqualTo(DiagnosticCode.TOO_LARGE);
            assertThat(diagnostic.span().line()).isEqualTo(1);
            assertThat(diagnostic.span().column()).isEqualTo(10);
            assertThat(diagnostic.message()).startsWith("the strategy is too large to compile: ");
        });
    }

    private static String chain(int terms, String operator) {
        StringBuilder text = new StringBuilder("close");
        for (int i = 1; i < terms; i++) {
            text.append(operator).append("close");
        }
        return text.toString();
    }

    /** A new name each time, so that Janino compiles it rather than the disk cache answering. */
    private static String entry(String condition) {
        return "strategy(\"Limits" + System.nanoTime() + "\") {\n  entry {\n    when (" + condition + ") {\n      buy()\n    }\n  }\n}\n";
    }

    private static String rules(int count) {
        StringBuilder text = new StringBuilder("strategy(\"Rules" + System.nanoTime() + "\") {\n  entry {\n");
        for (int i = 0; i < count; i++) {
            text.append("    when (close > ").append(i).append(") { buy(quantity: ").append(i + 1).append(") }\n");
        }
        return text.append("  }\n}\n").toString();
    }

    private static List<Diagnostic> compile(String source) throws Exception {
        return onSmallStack(() -> new StratCompiler(FunctionRegistry.standard()).compile(source, "limits.strat")
                .diagnostics());
    }

    private static List<Diagnostic> analyze(String source) throws Exception {
        return onSmallStack(() -> StratCompiler.standard().analyze(source, "limits.strat").diagnostics());
    }

    /** On a new thread with the JVM's default stack size (-Xss, 1 MB on 64-bit Linux), as the command line runs. */
    private static <T> T onDefaultStack(Callable<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> new Thread(null, runnable, "default-stack", 0));
        try {
            return thread.submit(work).get(120, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }

    private static <T> T onSmallStack(Callable<T> work) throws Exception {
        return SMALL_STACK.submit(work).get(120, TimeUnit.SECONDS);
    }
}
