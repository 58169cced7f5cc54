package dev.stratc.compiler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.TestFiles;

/** docs/diagnostics.md lists every code, and its examples print exactly what the compiler prints. */
class DiagnosticsDocumentationTest {
    private static final Pattern EXAMPLE =
            Pattern.compile("`([a-z0-9-]+\\.strat)`:\\n\\n```strat\\n.*?\\n```\\n\\n```\\n(.*?)\\n```", Pattern.DOTALL);

    private final String documentation = TestFiles.read(TestFiles.repositoryRoot().resolve("docs/diagnostics.md"));

    @Test
    void everyCodeHasASection() {
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertThat(documentation).as("docs/diagnostics.md documents " + code.code())
                    .containsPattern("(?m)^## " + code.code() + " ");
        }
    }

    @Test
    void everyExampleShowsWhatTheCompilerSays() {
        Matcher example = EXAMPLE.matcher(documentation);
        int examples = 0;
        DiagnosticRenderer renderer = new DiagnosticRenderer(false);
        while (example.find()) {
            String name = example.group(1);
            Path file = TestFiles.repositoryRoot().resolve("compiler/src/test/resources/corpus").resolve(name);
            String source = TestFiles.read(file);
            List<Diagnostic> diagnostics = StratCompiler.standard().analyze(source, name).diagnostics();
            StringBuilder printed = new StringBuilder();
            diagnostics.forEach(diagnostic -> printed.append(renderer.render(diagnostic, source)));
            long errors = diagnostics.stream().filter(Diagnostic::isError).count();
            printed.append(DiagnosticRenderer.summary(errors, diagnostics.size() - errors));
            assertThat(example.group(2)).as(name).isEqualTo(printed.toString());
            examples++;
        }
        // S000 is a bug, S035 and S036 would need files thousands of lines long: they are described, not shown.
        assertThat(examples).isGreaterThanOrEqualTo(DiagnosticCode.values().length - 3);
    }
}
