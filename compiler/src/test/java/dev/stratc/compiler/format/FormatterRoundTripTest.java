package dev.stratc.compiler.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stratc.compiler.ast.Structure;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.compiler.parse.Comment;
import dev.stratc.compiler.parse.ParsedFile;
import dev.stratc.compiler.parse.SourceParser;
import dev.stratc.compiler.TestFiles;

/** fmt changes only the layout: the same tree, every comment kept, and formatting twice changes nothing. */
class FormatterRoundTripTest {

    static Stream<Path> files() {
        return Stream.concat(TestFiles.examples().stream(), TestFiles.corpus().stream()).filter(file -> {
            DiagnosticReporter reporter = new DiagnosticReporter();
            SourceParser.parse(TestFiles.read(file), file.toString(), reporter);
            return reporter.diagnostics().stream().noneMatch(d -> d.code().isSyntax());
        });
    }

    @ParameterizedTest
    @MethodSource("files")
    void formattingKeepsTheTreeAndTheComments(Path file) {
        ParsedFile original = parse(TestFiles.read(file));
        String formatted = Formatter.format(original);
        ParsedFile reparsed = parse(formatted);

        assertThat(Structure.of(reparsed.tree())).isEqualTo(Structure.of(original.tree()));
        assertThat(texts(reparsed.comments())).containsExactlyElementsOf(texts(original.comments()));
        assertThat(Formatter.format(reparsed)).as("formatting is idempotent").isEqualTo(formatted);
    }

    private static ParsedFile parse(String source) {
        DiagnosticReporter reporter = new DiagnosticReporter();
        ParsedFile parsed = SourceParser.parse(source, "file.strat", reporter);
        assertThat(reporter.diagnostics().stream().filter(d -> d.code().isSyntax())).isEmpty();
        return parsed;
    }

    private static List<String> texts(List<Comment> comments) {
        return comments.stream().map(comment -> comment.text().strip()).toList();
    }
}
