package dev.stratc.compiler.codegen;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import dev.stratc.compiler.check.CheckedStrategy;
import dev.stratc.compiler.check.Header;
import dev.stratc.compiler.check.ParameterSymbol;
import dev.stratc.strategy.ParameterValue;
import dev.stratc.strategy.StrategyInfo;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.SymbolStrategy;

/**
 * Compiles generated Java with Janino and defines it in a {@link StrategyClassLoader} of its own (Janino resolves
 * names through the same allow-list), and wraps it as a {@link StrategyProgram}.
 */
public final class ProgramLoader {
    private ProgramLoader() {
    }

    private static final ClassCache CACHE = ClassCache.standard();

    /**
     * @throws TooLargeException when the class is beyond what Janino or the JVM's class-file format can hold
     */
    public static StrategyProgram load(JavaGenerator.GeneratedClass generated, CheckedStrategy checked, String sourceHash) {
        try {
            Class<?> type = define(generated);
            Constructor<?> constructor = type.getConstructor(String.class, ParameterValue[].class, long.class, ZoneId.class);
            return new CompiledProgram(info(checked, sourceHash), checked.parameters(), constructor);
        } catch (StackOverflowError deep) {
            throw new TooLargeException("its Java is nested too deeply for Janino");
        } catch (CompileException | RuntimeException e) {
            String limit = classFileLimit(e);
            if (limit != null) {
                throw new TooLargeException(limit);
            }
            throw new IllegalStateException("the generated Java does not compile: " + e.getMessage(), e);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("the generated Java does not compile: " + e.getMessage(), e);
        }
    }

    /** The strategy is within the compiler's limits but its class is not within the JVM's or Janino's. */
    public static final class TooLargeException extends RuntimeException {
        TooLargeException(String limit) {
            super(limit);
        }
    }

    /**
     * Which class-file limit Janino's failure is about, in our words (its message quotes generated code, so it is
     * not shown), or {@code null} when it is not about size.
     */
    private static String classFileLimit(Exception failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(' ').append(cause.getMessage());
        }
        String text = messages.toString().toLowerCase(java.util.Locale.ROOT);
        if (text.contains("constant pool") || text.contains("too many constants")) {
            return "its Java class would need more than 65,535 constants";
        }
        if (text.contains("too long") || text.contains("too large") || text.contains("beyond 64 kb")
                || text.contains("out of range") || text.contains("exceeds")) {
            return "a method of its Java class would exceed the JVM's 64 KB of code per method";
        }
        if (text.contains("nested too deeply")) {
            return "its Java is nested too deeply for Janino";
        }
        return null;
    }

    /**
     * The class from the disk cache when an earlier run compiled the same source, else from Janino; either way
     * defined in a {@link StrategyClassLoader}, so bytes read from disk link against the allow-list only.
     */
    static Class<?> define(JavaGenerator.GeneratedClass generated) throws CompileException, ClassNotFoundException {
        Optional<byte[]> cached = CACHE.read(generated.source());
        if (cached.isPresent()) {
            try {
                return Class.forName(generated.className(), false,
                        StrategyClassLoader.forCachedClasses(Map.of(generated.className(), cached.get())));
            } catch (LinkageError | ClassNotFoundException | RuntimeException corrupt) {
                // Compiled again below, and the cache entry replaced.
            }
        }
        byte[] bytecode = compile(generated);
        CACHE.write(generated.source(), bytecode);
        return Class.forName(generated.className(), false,
                StrategyClassLoader.forClasses(Map.of(generated.className(), bytecode)));
    }

    /** Janino resolves every name through the same allow-list the class is later loaded with. */
    static byte[] compile(JavaGenerator.GeneratedClass generated) throws CompileException {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(StrategyClassLoader.forJanino());
        compiler.cook(generated.className().replace('.', '/') + ".java", generated.source());
        Map<String, byte[]> bytecodes = compiler.getBytecodes();
        byte[] bytecode = bytecodes.get(generated.className());
        if (bytecodes.size() != 1 || bytecode == null) {
            throw new CompileException("expected exactly the class " + generated.className() + ", got "
                    + bytecodes.keySet(), null);
        }
        // Janino had to see System and Class to start; the bytecode proves the source used neither.
        StrategyClassLoader.forClasses(Map.of()).checkLinks(generated.className(), bytecode);
        return bytecode;
    }

    private static StrategyInfo info(CheckedStrategy checked, String sourceHash) {
        Header header = checked.header();
        return new StrategyInfo(checked.tree().name(),
                checked.parameters().stream().map(ParameterSymbol::info).toList(),
                header.timeframeMillis() == null ? null : Duration.ofMillis(header.timeframeMillis()),
                header.warmupBars(), checked.signals().keySet(), header.allowShort(), sourceHash,
                header.pyramiding());
    }

    private record CompiledProgram(StrategyInfo info, List<ParameterSymbol> parameters, Constructor<?> constructor)
            implements StrategyProgram {

        @Override
        public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
            ParameterValue[] values = ParameterOverrides.resolve(parameters, settings.overrides());
            Duration timeframe = settings.timeframe() != null ? settings.timeframe() : info.timeframe();
            ZoneId zone = settings.zone() != null ? settings.zone() : ZoneOffset.UTC;
            try {
                return (SymbolStrategy) constructor.newInstance(symbol, values,
                        timeframe == null ? 0L : timeframe.toMillis(), zone);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return "StrategyProgram[" + info.name() + "]";
        }
    }


}
