package dev.stratc.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.codegen.Evaluations.Flat;
import dev.stratc.compiler.codegen.Evaluations.Recorder;
import dev.stratc.compiler.codegen.Evaluations.TestBar;
import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.strategy.AccountChoice;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.Signal;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.SymbolStrategy;

/**
 * Text that tries to become code: each payload is put into every place a .strat file carries text (the strategy's
 * name, a signal's name, a payload key, a log and a notify message, an order's tag and account, a string
 * parameter) and into the file name. Each file must compile, run over a few bars without printing anything or
 * setting the system property the payloads set, and hand every text back unchanged as data; the generated Java,
 * with its string literals blanked, is the same as for a harmless text.
 */
class InjectionCorpusTest {
    private static final String PROPERTY = "stratc.injected";
    private static final String CODE = "System.setProperty(\"" + PROPERTY + "\", \"yes\"); System.out.println(\"INJECTED: \" + System.getenv(\"HOME\"));";

    static Stream<Arguments> payloads() {
        return Stream.of(
                "X\n    static { " + CODE + " }\n    //",
                "*/ static { " + CODE + " } /*",
                "\"); " + CODE + " (\"",
                "\\",
                "trailing backslash \\",
                "\\\\",
                "\\u000a static { " + CODE + " } //",
                "\\u0022); " + CODE.replace("\"", "\\u0022") + " (\\u0022",
                "\\uuuu000a static { " + CODE + " }",
                "\\\\u000a static { " + CODE + " }",
                "\\u002a/ static { " + CODE + " } /\\u002a",
                "\n\t\u0000\u0001\u000b\u000c\u001b\u007f",
                "\u2028\u2029\u0085\u202e\ufeff\ud83d\ude80 \u00e9\u4e2d\uc548",
                "\ud800 lone surrogate",
                "0\u0000123 octal neighbours \u00017",
                "${HOME} %s %n {0}",
                "\"".repeat(2_000) + "\\".repeat(2_000) + "\n".repeat(2_000))
                .map(Arguments::of);
    }

    @AfterEach
    void nothingWasSet() {
        assertThat(System.getProperty(PROPERTY)).isNull();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void everyTextCompilesAndComesBackAsData(String payload) {
        String file = "strategies/" + payload.replace("\u0000", "") + "*/\n.strat";
        CompileResult result = new StratCompiler(FunctionRegistry.standard()).compile(strategy(payload), file);
        assertThat(result.diagnostics()).as("diagnostics").isEmpty();

        Recorder actions = new Recorder();
        String printed = capturingOutput(() -> {
            SymbolStrategy strategy = result.program().newInstance("SYM", StrategySettings.defaults(
                    Duration.ofMinutes(1), ZoneOffset.UTC));
            for (int i = 0; i < 3; i++) {
                strategy.onBar(bar(i), Flat.INSTANCE, actions);
            }
        });

        assertThat(printed).isEmpty();
        assertThat(System.getProperty(PROPERTY)).isNull();
        assertThat(result.program().info().name()).isEqualTo(payload);
        assertThat(actions.signals).extracting(Signal::name).containsOnly(payload);
        assertThat(actions.signals.get(0).payload()).containsOnlyKeys(payload);
        assertThat(actions.logs).containsOnly("log " + payload, "notify " + payload + " " + payload);
        assertThat(actions.orders).extracting(OrderRequest::tag).containsOnly(payload);
        assertThat(actions.orders).extracting(OrderRequest::account)
                .containsOnly(new AccountChoice.Named(payload));

        String harmless = new StratCompiler(FunctionRegistry.standard()).compile(strategy("X"), "x.strat").javaSource();
        assertThat(withoutLiterals(result.javaSource(), result.generated().className()))
                .isEqualTo(withoutLiterals(harmless, simpleNameOf(harmless)));
        assertThat(result.javaSource().chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f))
                .as("generated Java is printable ASCII").isTrue();
    }

    /** Where a .strat file carries text: every place, with the same payload. */
    private static String strategy(String payload) {
        String text = strat(payload);
        return "strategy(" + text + ", timeframe: 1m, warmup: 0) {\n"
                + "  parameters {\n    label = " + text + "\n  }\n"
                + "  scan {\n    when (close > 0) {\n      signal(" + text + ", { " + text + ": close })\n    }\n  }\n"
                + "  entry {\n    on signal(" + text + ") {\n      log(\"log \", " + text + ")\n"
                + "      notify(\"notify \", label, \" \", " + text + ")\n"
                + "      buy(quantity: 1, account: account(" + text + "), tag: " + text + ")\n    }\n  }\n"
                + "}\n";
    }

    /** A .strat string literal for {@code text}: the language escapes quote, backslash, newline and tab. */
    private static String strat(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The Java with every string literal emptied and the class's own name replaced. */
    private static String withoutLiterals(String java, String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        StringBuilder out = new StringBuilder();
        boolean inLiteral = false;
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (inLiteral) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inLiteral = false;
                    out.append('"');
                }
            } else {
                out.append(c);
                inLiteral = c == '"';
            }
        }
        return out.toString().replace(simple, "CLASS");
    }

    private static String simpleNameOf(String java) {
        int start = java.indexOf("public final class ") + "public final class ".length();
        return java.substring(start, java.indexOf(' ', start));
    }

    private static String capturingOutput(Runnable run) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            run.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Bar i: opens at 10, ranges 9 to 11, closes at 10 + i. */
    private static BarView bar(int index) {
        return new TestBar("SYM", index, 1_700_000_000_000L + index * 60_000L, 10, 11, 9, 10 + index);
    }
}
