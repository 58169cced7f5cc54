package dev.stratc.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.commons.compiler.InternalCompilerException;
import org.codehaus.janino.SimpleCompiler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Hand-written Java that calls each API a strategy must never reach, put through the same steps as generated
 * code: Janino compiling through the strategy class loader refuses it, and the same class compiled elsewhere (as
 * a bug or a tampered cache file could deliver it) is refused when the strategy class loader defines it. The
 * probe would set a system property or create a file; neither happens.
 */
class StrategyClassLoaderTest {
    private static final String PROPERTY = "stratc.sandbox.probe";

    @TempDir
    static Path directory;

    @ParameterizedTest
    @ValueSource(strings = {
        "System.setProperty(\"" + PROPERTY + "\", \"set\");",
        "System.getenv(\"HOME\");",
        "System.exit(3);",
        "System.out.println(\"INJECTED\");",
        "System.currentTimeMillis();",
        "Runtime.getRuntime().exec(new String[] {\"touch\", \"MARKER\"});",
        "new ProcessBuilder(new String[] {\"touch\", \"MARKER\"}).start();",
        "java.lang.management.ManagementFactory.getRuntimeMXBean().getName();",
        "Class.forName(\"java.lang.System\");",
        "\"\".getClass().getClassLoader();",
        "String.class.getMethods();",
        "java.lang.reflect.Array.newInstance(String.class, 1);",
        "java.lang.invoke.MethodHandles.lookup();",
        "ClassLoader.getSystemClassLoader();",
        "new java.io.File(\"MARKER\").createNewFile();",
        "new java.io.FileOutputStream(\"MARKER\").close();",
        "java.nio.file.Files.createFile(java.nio.file.Paths.get(\"MARKER\", new String[0]), "
                + "new java.nio.file.attribute.FileAttribute[0]);",
        "new java.net.Socket(\"127.0.0.1\", 9);",
        "new java.net.URL(\"file:MARKER\").openStream();",
        "new Thread().start();",
        "Thread.sleep(1L);",
        "java.util.concurrent.Executors.newSingleThreadExecutor();",
        "new java.util.Random().nextDouble();",
        "Math.random();",
        "Long.getLong(\"" + PROPERTY + "\");",
        "java.time.Instant.now();",
        "java.time.ZoneId.systemDefault();",
    })
    void everyForbiddenCallIsRefusedByJaninoAndByTheLoader(String call) throws Exception {
        Path marker = directory.resolve("marker-" + Integer.toHexString(call.hashCode()));
        String source = probe(call.replace("MARKER", marker.toString()));
        JavaGenerator.GeneratedClass probe = new JavaGenerator.GeneratedClass("dev.stratc.generated.Probe", source);

        Throwable atCompile = catchThrowable(() -> ProgramLoader.compile(probe));
        // Janino either cannot resolve a name, cannot resolve a signature's types, or its bytecode is refused.
        assertThat(atCompile).as(call).isInstanceOfAny(CompileException.class, InternalCompilerException.class,
                SecurityException.class);

        byte[] bytecode = unrestricted(source);
        Throwable atLoad = catchThrowable(() -> run(StrategyClassLoader.forClasses(Map.of(probe.className(), bytecode))));
        assertThat(atLoad).as(call).isInstanceOfAny(SecurityException.class, LinkageError.class);

        assertThat(System.getProperty(PROPERTY)).isNull();
        assertThat(Files.exists(marker)).as("nothing created by " + call).isFalse();
    }

    @Test
    void theSameProbeRunsWhereNothingRestrictsIt() throws Throwable {
        // Proves the probes above would have had an effect: only the loader stops them.
        String source = probe("System.setProperty(\"" + PROPERTY + ".control\", \"set\");");
        byte[] bytecode = unrestricted(source);
        ClassLoader open = new org.codehaus.commons.compiler.util.reflect.ByteArrayClassLoader(
                Map.of("dev.stratc.generated.Probe", bytecode), getClass().getClassLoader());
        try {
            run(open);
            assertThat(System.getProperty(PROPERTY + ".control")).isEqualTo("set");
        } finally {
            System.clearProperty(PROPERTY + ".control");
        }
    }

    @Test
    void allowedTypesStillWork() throws Throwable {
        String source = "package dev.stratc.generated;\npublic class Probe {\n"
                + "    public static Object run() { java.util.Map m = new java.util.HashMap();"
                + " m.put(\"a\", Double.valueOf(Math.max(1.0, dev.stratc.compiler.codegen.Ops.nz(Double.NaN, 2.0))));"
                + " return \"\" + m; }\n}\n";
        JavaGenerator.GeneratedClass probe = new JavaGenerator.GeneratedClass("dev.stratc.generated.Probe", source);
        byte[] bytecode = ProgramLoader.compile(probe);
        assertThat(run(StrategyClassLoader.forClasses(Map.of(probe.className(), bytecode)))).isEqualTo("{a=2.0}");
    }

    @Test
    void theLoaderOffersNoResources() {
        StrategyClassLoader loader = StrategyClassLoader.forClasses(Map.of());
        assertThat(loader.getResource("java/lang/Object.class")).isNull();
        assertThatThrownBy(() -> loader.loadClass("java.lang.System")).isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("not available to a strategy");
    }

    private static String probe(String call) {
        return "package dev.stratc.generated;\npublic class Probe {\n"
                + "    public static Object run() throws Exception { " + call + " return null; }\n}\n";
    }

    private static byte[] unrestricted(String source) throws CompileException {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.cook("Probe.java", source);
        return compiler.getBytecodes().get("dev.stratc.generated.Probe");
    }

    private static Object run(ClassLoader loader) throws Throwable {
        try {
            return Class.forName("dev.stratc.generated.Probe", true, loader).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
