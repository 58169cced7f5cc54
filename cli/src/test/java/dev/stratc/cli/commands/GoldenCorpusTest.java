package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.stratc.cli.ExitCode;
import dev.stratc.cli.StratcCommandLine;
import picocli.CommandLine;

/**
 * The golden corpus: each file in compiler/src/test/resources/corpus states what {@code stratc check} must say
 * about it ({@code // expect error S007 at 3:11: unknown name 'clsoe'}, {@code // expect ok}). This runner
 * checks every file through the real command line: the exact diagnostics, nothing more, and the exit code.
 */
class GoldenCorpusTest {
    private static final Pattern EXPECTATION =
            Pattern.compile("// expect (error|warning) ([SW]\\d{3}) at (\\d+):(\\d+)(?:: (.*))?");

    static Stream<Path> corpus() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("compiler/src/test/resources/corpus"))) {
            root = root.getParent();
        }
        try (Stream<Path> files = Files.list(root.resolve("compiler/src/test/resources/corpus"))) {
            return files.filter(file -> file.toString().endsWith(".strat")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void checkSaysExactlyWhatTheFileExpects(Path file) throws IOException {
        List<String> expected = new ArrayList<>();
        String source = Files.readString(file);
        boolean expectsOk = source.contains("// expect ok");
        for (String line : source.lines().toList()) {
            Matcher matcher = EXPECTATION.matcher(line.trim());
            if (matcher.matches()) {
                expected.add(matcher.group(1) + " " + matcher.group(2) + " at " + matcher.group(3) + ":"
                        + matcher.group(4) + (matcher.group(5) == null ? "" : ": " + matcher.group(5)));
            }
        }
        assertThat(expectsOk || !expected.isEmpty()).as("the file states an expectation").isTrue();

        StringWriter out = new StringWriter();
        CommandLine commandLine = StratcCommandLine.create(new PrintWriter(out), new PrintWriter(new StringWriter()));
        int exitCode = commandLine.execute("check", "--format", "json", file.toString());

        List<String> actual = new ArrayList<>();
        for (JsonNode diagnostic : new ObjectMapper().readTree(out.toString())) {
            String position = diagnostic.get("line").asInt() + ":" + diagnostic.get("column").asInt();
            String withMessage = diagnostic.get("severity").asText() + " " + diagnostic.get("code").asText() + " at "
                    + position + ": " + diagnostic.get("message").asText();
            String withoutMessage = withMessage.substring(0, withMessage.indexOf(position) + position.length());
            actual.add(expected.contains(withoutMessage) ? withoutMessage : withMessage);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        boolean errors = expected.stream().anyMatch(e -> e.startsWith("error"));
        assertThat(exitCode).isEqualTo(errors ? ExitCode.INVALID_INPUT : ExitCode.OK);
    }
}
