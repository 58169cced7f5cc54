package dev.stratc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stratc.compiler.diagnostics.Diagnostic;

/** Every file in examples/ compiles, warnings included, and its generated Java compiles with Janino. */
class ExamplesCompileTest {

    static Stream<Path> examples() throws IOException {
        return TestFiles.examples().stream();
    }

    /** The complete strategies shown in docs/language.md. */
    static Stream<String> documented() {
        String documentation = TestFiles.read(TestFiles.repositoryRoot().resolve("docs/language.md"));
        return java.util.regex.Pattern.compile("```strat\\n(strategy\\(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(documentation).results().map(match -> match.group(1));
    }

    @ParameterizedTest
    @MethodSource("documented")
    void documentedStrategiesCompile(String source) {
        assertThat(StratCompiler.standard().compile(source, "language.md").diagnostics()).extracting(Diagnostic::raw)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void compilesWithoutDiagnostics(Path example) throws IOException {
        String source = Files.readString(example);
        CompileResult result = new StratCompiler(dev.stratc.indicators.catalog.FunctionRegistry.standard())
                .compile(source, example.getFileName().toString());

        assertThat(result.diagnostics()).extracting(Diagnostic::raw).isEmpty();
        assertThat(result.program()).isNotNull();
        assertThat(result.javaSource()).contains("implements SymbolStrategy");
        if (System.getenv("STRATC_PRINT_JAVA") != null) {
            System.out.println(result.javaSource());
        }
    }
}
