package dev.stratc.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.stratc.compiler.check.BuiltinFunction;
import dev.stratc.compiler.check.BuiltinSeries;
import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.catalog.FunctionSpec;

/**
 * The VS Code grammar lists the language's functions, actions and series so that they are coloured as built-ins;
 * each list must be exactly the one the compiler resolves names with, or highlighting would drift from the
 * language. (Keywords are checked against the ANTLR grammar by the extension's own tests,
 * dsl-grammar/vscode/test/keywords.test.mjs.)
 *
 * <p>After adding a function, update the grammar with
 * {@code ./mvnw -pl cli -am test -Dtest=HighlightingGrammarSyncTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstratc.updateGrammar=true}.
 */
class HighlightingGrammarSyncTest {
    private static final Path GRAMMAR = Path.of("..", "dsl-grammar", "vscode", "syntaxes", "strat.tmLanguage.json");
    private static final String CALLED = "\\b(?:%s)\\b(?=\\s*\\()";
    private static final String READ = "\\b(?:%s)\\b";

    static Stream<Arguments> builtInLists() {
        List<String> functions = Stream.concat(
                FunctionRegistry.standard().all().stream().map(FunctionSpec::name),
                Arrays.stream(BuiltinFunction.values()).filter(f -> !f.isStatement()).map(BuiltinFunction::source))
                .toList();
        List<String> actions = Arrays.stream(BuiltinFunction.values())
                .filter(BuiltinFunction::isStatement).map(BuiltinFunction::source).toList();
        // na is coloured as a constant (repository.constants), not as a series.
        List<String> series = Arrays.stream(BuiltinSeries.values())
                .filter(s -> s != BuiltinSeries.NA).map(BuiltinSeries::source).toList();
        return Stream.of(
                Arguments.of("builtin-functions", CALLED, functions),
                Arguments.of("actions", CALLED, actions),
                Arguments.of("builtin-series", READ, series));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInLists")
    void theGrammarListsExactlyTheNamesTheCompilerKnows(String rule, String template, List<String> names)
            throws IOException {
        String expected = template.formatted(String.join("|", names));

        if (Boolean.getBoolean("stratc.updateGrammar")) {
            updateGrammar(rule, expected);
        }
        String actual = repositoryRule(rule).get("match").getAsString();

        assertThat(actual)
                .as("repository.%s.match of %s; rerun with -Dstratc.updateGrammar=true, or set it to %s", rule, GRAMMAR,
                        new GsonBuilder().disableHtmlEscaping().create().toJson(expected))
                .isEqualTo(expected);
        Pattern pattern = Pattern.compile(actual);
        for (String name : names) {
            String use = template.equals(CALLED) ? name + "(" : name + " ";
            assertThat(pattern.matcher(use).lookingAt()).as("%s matches %s", rule, use).isTrue();
            assertThat(pattern.matcher(name + "_x" + use.substring(name.length())).lookingAt())
                    .as("%s must not match inside a longer name", rule).isFalse();
        }
    }

    /** Replaces the rule's match string in place, keeping the file's layout. */
    private static void updateGrammar(String rule, String match) throws IOException {
        String grammar = Files.readString(GRAMMAR);
        String jsonString = "\"(?:[^\"\\\\]|\\\\.)*\"";
        Matcher line = Pattern.compile("(\"" + Pattern.quote(rule) + "\": \\{[^}]*?\"match\": )" + jsonString)
                .matcher(grammar);
        assertThat(line.find()).as("repository.%s.match in %s", rule, GRAMMAR).isTrue();
        String json = new GsonBuilder().disableHtmlEscaping().create().toJson(match);
        Files.writeString(GRAMMAR, grammar.substring(0, line.start()) + line.group(1) + json
                + grammar.substring(line.end()));
    }

    private static JsonObject repositoryRule(String name) throws IOException {
        JsonObject grammar = JsonParser.parseString(Files.readString(GRAMMAR)).getAsJsonObject();
        return grammar.getAsJsonObject("repository").getAsJsonObject(name);
    }
}
