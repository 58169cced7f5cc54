package dev.stratc.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.catalog.FunctionSpec;

/**
 * The VS Code grammar lists the built-in functions so that they are coloured as the library's; the list must be
 * the function registry's, or highlighting would drift from the language. (Keywords are checked against the
 * ANTLR grammar by the extension's own tests, dsl-grammar/vscode/test/keywords.test.mjs.)
 */
class HighlightingGrammarSyncTest {
    private static final Path GRAMMAR = Path.of("..", "dsl-grammar", "vscode", "syntaxes", "strat.tmLanguage.json");
    private static final Pattern ALTERNATION = Pattern.compile("^\\\\b\\(\\?:([A-Za-z0-9_|]+)\\)\\\\b\\(\\?=\\\\s\\*\\\\\\(\\)$");

    @Test
    void theGrammarHighlightsExactlyTheRegistrysFunctions() throws IOException {
        String match = repositoryRule("builtin-functions").get("match").getAsString();
        List<String> registry = FunctionRegistry.standard().all().stream().map(FunctionSpec::name).toList();
        String expected = "\\b(?:" + String.join("|", registry) + ")\\b(?=\\s*\\()";

        var alternation = ALTERNATION.matcher(match);
        assertThat(alternation.matches())
                .as("repository.builtin-functions.match of %s should be a list of names: %s", GRAMMAR, match)
                .isTrue();
        assertThat(Arrays.asList(alternation.group(1).split("\\|")))
                .as("the functions of %s (repository.builtin-functions.match) against the function registry;"
                        + " set the JSON string to %s", GRAMMAR, jsonString(expected))
                .containsExactlyInAnyOrderElementsOf(registry);
    }

    @Test
    void everyRegistryFunctionIsMatchedWhenCalled() throws IOException {
        Pattern rule = Pattern.compile(repositoryRule("builtin-functions").get("match").getAsString());
        for (FunctionSpec function : FunctionRegistry.standard().all()) {
            assertThat(rule.matcher(function.name() + "(").lookingAt()).as(function.name()).isTrue();
            assertThat(rule.matcher(function.name() + "_x(").lookingAt()).as(function.name() + "_x").isFalse();
        }
    }

    private static JsonObject repositoryRule(String name) throws IOException {
        JsonObject grammar = JsonParser.parseString(Files.readString(GRAMMAR)).getAsJsonObject();
        return grammar.getAsJsonObject("repository").getAsJsonObject(name);
    }

    private static String jsonString(String text) {
        return new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(text);
    }
}
