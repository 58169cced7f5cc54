package dev.stratc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.compiler.diagnostics.DiagnosticCode;

/** A file nested beyond what a thread's stack can walk gets S031, never a crash, on a small-stack thread too. */
class DeepNestingTest {

    @Test
    void thousandsOfParenthesesAreReportedAsTooDeep() throws Exception {
        String deep = "(".repeat(20_000) + "close" + ")".repeat(20_000);
        String source = "strategy(\"Deep\") {\n  let x = " + deep + "\n  entry {\n    when (x > 0) {\n      buy()\n    }\n  }\n}\n";
        ExecutorService smallStack = Executors.newSingleThreadExecutor(
                runnable -> new Thread(null, runnable, "small-stack", 256 * 1024));
        try {
            Analysis analysis = smallStack.submit(() -> StratCompiler.standard().analyze(source, "deep.strat"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(analysis.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.TOO_DEEP);
        } finally {
            smallStack.shutdownNow();
        }
    }
}
