package dev.stratc.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.compiler.diagnostics.DiagnosticCode;

/**
 * Mutates valid and invalid files (deletes, duplicates, swaps, inserts tokens, injection payloads and bytes,
 * truncates) and checks that the compiler only ever answers with diagnostics: no exception, no hang, no internal
 * error; mutants that compile go through Janino and the strategy class loader. The seed is
 * fixed so a failure reproduces; {@code -Dstratc.fuzz.seed=N} explores others.
 */
class CompilerFuzzTest {
    private static final int INPUTS = 10_000;
    /** Mutants without errors that also go through Janino and the strategy class loader (each costs ~50 ms). */
    private static final int COMPILED = 20;
    private static final long TIME_LIMIT_MILLIS = 5_000;
    private static final String[] TOKENS = {"(", ")", "{", "}", "[", "]", ",", ":", ".", "..", "=", "==", "!=", "<",
        ">=", "+", "-", "*", "/", "AND", "or", "!", "NOT", "when", "on", "signal", "let", "in", "step", "between",
        "entry", "exit", "scan", "parameters", "strategy", "buy", "sell", "rsi", "macd", "close", "signal.x",
        "\"", "\"5m\"", "\"3%\"", "3%", "-1", "0", "2.5", "1_000", "5m", "30min", "true", "na", "//", "/*", "*/",
        "\n", "[-1]", "[1]", ".signal", "{ a: 1 }", "stop_loss(2%)", "time_between(\"09:00\", \"15:00\")"};
    /**
     * Text that tries to become Java: payloads that would end a comment, a string or a line of the generated code,
     * unicode escapes (Java translates them before it lexes), Java keywords and class names as names.
     */
    private static final String[] INJECTION = {"\"X\\n static { System.exit(7); } //\"", "\"*/ static { } /*\"",
        "\"\\\"); System.exit(7); (\\\"\"", "\"\\\\\"", "\"trailing \\\\\"", "\"\\\\u000a System.exit(7);\"",
        "\"\\\\u0022); System.exit(7); (\\\\u0022\"", "\\u000a", "\\u0022", "\\u002a/", "\\uuuu0022", "\"\u0000\u001b\u2028\"",
        "*/", "/**", "\\", "\"\\\\\\\\u000a\"", "\"" + "\\\"".repeat(300) + "\"", "\"" + "x".repeat(5_000) + "\"",
        "class", "static", "public", "import", "package", "new", "this", "super", "return", "void", "int", "double",
        "goto", "const", "null", "instanceof", "System", "Runtime", "Thread", "Class", "ProcessBuilder", "Math",
        "String", "Object", "Ops", "bar", "position", "actions", "index", "symbol", "zone", "p0", "s0", "i0", "v0",
        "h0", "payload", "java", "dev", "let System = 1", "let class = close", "parameters { Runtime = 1 }",
        "signal(\"*/\", { \"\\\\u000a\": close })", "log(\"\\\\u0022\", System)", "account(\"\\\"*/\")",
        "strategy(\"\\n\\u000a*/\")", "tag: \"\\\\\""};

    private final StratCompiler compiler = new StratCompiler(dev.stratc.indicators.catalog.FunctionRegistry.standard());

    @Test
    void mutatedFilesGetDiagnosticsNeverACrash() throws Exception {
        long seed = Long.getLong("stratc.fuzz.seed", 20261123L);
        Random random = new Random(seed);
        List<String> seeds = new ArrayList<>();
        for (Path file : TestFiles.examples()) {
            seeds.add(TestFiles.read(file));
        }
        for (Path file : TestFiles.corpus()) {
            seeds.add(TestFiles.read(file));
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(null, runnable, "fuzz", 16 << 20);
            thread.setDaemon(true);
            return thread;
        });
        // Loads Janino and the catalogue before the clock starts: a cold start is not a hang.
        compiler.compile(seeds.get(0), "warm-up.strat");
        java.util.concurrent.atomic.AtomicInteger compiled = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int i = 0; i < INPUTS; i++) {
                String input = mutate(seeds.get(random.nextInt(seeds.size())), random);
                // The few mutants without errors also go through code generation and Janino.
                Future<List<Diagnostic>> result = worker.submit(() -> {
                    Analysis analysis = compiler.analyze(input, "fuzz.strat");
                    if (analysis.hasErrors() || compiled.get() >= COMPILED) {
                        return analysis.diagnostics();
                    }
                    compiled.incrementAndGet();
                    CompileResult compiledMutant = compiler.compile(input, "fuzz.strat");
                    if (compiledMutant.program() != null) {
                        // Runs the class's initialisers: an injected System.exit would end the test run here.
                        try {
                            compiledMutant.program().newInstance("X", dev.stratc.strategy.StrategySettings.defaults(
                                    java.time.Duration.ofMinutes(1), java.time.ZoneOffset.UTC));
                        } catch (IllegalArgumentException invalidAtRunTime) {
                            // e.g. a length the mutant made zero: the strategy's own error, reported by the run.
                        }
                    }
                    return compiledMutant.diagnostics();
                });
                List<Diagnostic> diagnostics;
                try {
                    diagnostics = result.get(TIME_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException hang) {
                    result.cancel(true);
                    fail("input " + i + " (seed " + seed + ") took over " + TIME_LIMIT_MILLIS + " ms:\n" + input);
                    return;
                }
                for (Diagnostic diagnostic : diagnostics) {
                    if (diagnostic.code() == DiagnosticCode.INTERNAL) {
                        fail("input " + i + " (seed " + seed + ") gave " + diagnostic.raw() + "\n" + input);
                    }
                    assertThat(diagnostic.span().line()).isPositive();
                    assertThat(diagnostic.span().column()).isPositive();
                }
            }
        } finally {
            worker.shutdownNow();
        }
    }

    private static String mutate(String source, Random random) {
        String text = source;
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !text.isEmpty(); m++) {
            int at = random.nextInt(text.length());
            int length = 1 + random.nextInt(Math.min(40, text.length() - at));
            text = switch (random.nextInt(6)) {
                case 0 -> text.substring(0, at) + text.substring(at + length);
                case 1 -> text.substring(0, at + length) + text.substring(at, at + length) + text.substring(at + length);
                case 2 -> {
                    int other = random.nextInt(text.length());
                    int otherLength = 1 + random.nextInt(Math.min(40, text.length() - other));
                    if (other < at + length && at < other + otherLength) {
                        yield text;
                    }
                    int first = Math.min(at, other);
                    int firstLength = first == at ? length : otherLength;
                    int second = Math.max(at, other);
                    int secondLength = second == at ? length : otherLength;
                    yield text.substring(0, first) + text.substring(second, second + secondLength)
                            + text.substring(first + firstLength, second) + text.substring(first, first + firstLength)
                            + text.substring(second + secondLength);
                }
                case 3 -> text.substring(0, at) + " " + (random.nextBoolean() ? TOKENS[random.nextInt(TOKENS.length)]
                        : INJECTION[random.nextInt(INJECTION.length)]) + " " + text.substring(at);
                case 4 -> text.substring(0, at) + (char) random.nextInt(0x3000) + text.substring(at);
                default -> text.substring(0, at);
            };
        }
        return text;
    }
}
