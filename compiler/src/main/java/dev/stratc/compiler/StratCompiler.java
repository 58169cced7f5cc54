package dev.stratc.compiler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import dev.stratc.compiler.ast.SourceSpan;
import dev.stratc.compiler.check.CheckedStrategy;
import dev.stratc.compiler.check.Checker;
import dev.stratc.compiler.codegen.JavaGenerator;
import dev.stratc.compiler.codegen.ProgramLoader;
import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.compiler.parse.ParsedFile;
import dev.stratc.compiler.parse.SourceParser;
import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.strategy.StrategyProgram;

/**
 * The compiler's front door, used by the CLI, the backtester, the runtime and the language server:
 * {@code .strat} text in, diagnostics and a runnable {@link StrategyProgram} out. Thread-safe.
 *
 * <p>Compiled programs are cached by the SHA-256 of the file name and text (the last 64), so compiling the same
 * file again (an optimiser's trials, a second symbol) costs a map lookup.
 */
public final class StratCompiler {
    private static final StratCompiler STANDARD = new StratCompiler(FunctionRegistry.standard());
    /** Enough for every strategy of a run and an optimiser's variants; an editor's keystrokes evict the oldest. */
    private static final int CACHE_SIZE = 64;

    private final FunctionRegistry registry;
    private final Map<String, CompileResult> cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompileResult> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    public StratCompiler(FunctionRegistry registry) {
        this.registry = registry;
    }

    /** The compiler with the standard function catalogue. */
    public static StratCompiler standard() {
        return STANDARD;
    }

    public FunctionRegistry registry() {
        return registry;
    }

    /** Parses and checks: every diagnostic, no code. Never throws for any input. */
    public Analysis analyze(String source, String file) {
        DiagnosticReporter reporter = new DiagnosticReporter();
        ParsedFile parsed = new ParsedFile(null, List.of(), source);
        CheckedStrategy checked = null;
        try {
            parsed = SourceParser.parse(source, file, reporter);
            if (parsed.tree() != null && !reporter.hasErrors()) {
                checked = Checker.check(parsed.tree(), registry, reporter);
            }
        } catch (RuntimeException | StackOverflowError bug) {
            reportInternal(reporter, file, bug);
            checked = null;
        }
        return new Analysis(parsed, checked, reporter.diagnostics());
    }

    /** Parses, checks, generates Java and compiles it with Janino. */
    public CompileResult compile(String source, String file) {
        String key = sha256(file + "\u0000" + source);
        CompileResult cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        CompileResult result = compileUncached(source, file, sha256(source));
        cache.put(key, result);
        return result;
    }

    private CompileResult compileUncached(String source, String file, String sourceHash) {
        Analysis analysis = analyze(source, file);
        if (analysis.hasErrors() || analysis.checked() == null) {
            return new CompileResult(analysis, null, null);
        }
        try {
            JavaGenerator.GeneratedClass generated = JavaGenerator.generate(analysis.checked(), sourceHash);
            StrategyProgram program = ProgramLoader.load(generated, analysis.checked(), sourceHash);
            return new CompileResult(analysis, program, generated);
        } catch (RuntimeException | StackOverflowError bug) {
            DiagnosticReporter reporter = new DiagnosticReporter();
            if (bug instanceof ProgramLoader.TooLargeException tooLarge) {
                reporter.report(DiagnosticCode.TOO_LARGE, analysis.checked().tree().nameSpan(),
                        "split the strategy into several files, or use fewer distinct indicators and rules",
                        tooLarge.getMessage());
            } else {
                reportInternal(reporter, file, bug);
            }
            List<Diagnostic> all = new java.util.ArrayList<>(analysis.diagnostics());
            all.addAll(reporter.diagnostics());
            return new CompileResult(new Analysis(analysis.parsed(), analysis.checked(), all), null, null);
        }
    }

    private static void reportInternal(DiagnosticReporter reporter, String file, Throwable bug) {
        SourceSpan start = new SourceSpan(file, 1, 1, 1, 1, 0, 0);
        if (bug instanceof StackOverflowError) {
            // Only on a thread with a stack far smaller than the JVM's default: CompilerLimits keep it away.
            reporter.report(DiagnosticCode.TOO_DEEP, start,
                    "split the expression with 'let' names, or give the compiler's thread a larger stack (-Xss)",
                    "the file is nested too deeply to compile");
        } else {
            reporter.report(DiagnosticCode.INTERNAL, start, "this is a bug in stratc: please report it with the file",
                    String.valueOf(bug));
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
