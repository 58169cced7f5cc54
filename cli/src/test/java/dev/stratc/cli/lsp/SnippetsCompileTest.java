package dev.stratc.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.stratc.compiler.Analysis;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.diagnostics.Diagnostic;

/**
 * The extension's snippets, expanded with their default placeholders as VS Code inserts them, are valid .strat:
 * a user who accepts every default gets a strategy that compiles.
 */
class SnippetsCompileTest {
    private static final Path SNIPPETS = Path.of("..", "dsl-grammar", "vscode", "snippets", "strat.code-snippets.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\d+):([^}]*)}|\\$\\{(\\d+)\\|([^,|]*)[^}]*}");
    private static final Pattern TABSTOP = Pattern.compile("\\$(\\d+)");

    @Test
    void theStrategySkeletonCompilesWithoutErrors() throws IOException {
        String skeleton = expand("Strategy skeleton");

        assertThat(errors(skeleton)).as(skeleton).isEmpty();
    }

    @Test
    void theActionSnippetsAreValidInTheBlocksTheyBelongTo() throws IOException {
        String strategy = """
                strategy("Snippets") {
                  scan {
                    %s
                  }
                  entry {
                    on signal("NAME") {
                      %s
                    }
                    %s
                  }
                  exit {
                    %s
                  }
                }
                """.formatted(expand("Signal"), expand("Buy"),
                expand("When").replace("condition", "close > open"), expand("Sell"));

        assertThat(errors(strategy)).as(strategy).isEmpty();
    }

    @Test
    void theLanguageV2SnippetsAreValidWhereTheyBelong() throws IOException {
        String strategy = """
                strategy("Snippets") {
                  %s
                  %s
                  entry {
                    %s
                  }
                }
                """.formatted(expand("Var"), expand("Function"),
                expand("If else").replace("condition", "name(close) > open").replace("  \n", "  buy()\n"));

        assertThat(errors(strategy)).as(strategy).isEmpty();
    }

    @Test
    void theOrderSnippetsAreValidWhereTheyBelong() throws IOException {
        String strategy = """
                strategy("Snippets") {
                  entry {
                    %s
                    %s
                  }
                  exit {
                    %s
                  }
                }
                """.formatted(expand("Stop entry"), expand("Limit with expiry"), expand("Stop at a price"));

        assertThat(errors(strategy)).as(strategy).isEmpty();
    }

    private static String errors(String source) {
        Analysis analysis = StratCompiler.standard().analyze(source, "snippet.strat");
        return String.join("\n", analysis.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::raw)
                .toList());
    }

    /** The text VS Code inserts when every placeholder keeps its default and the first choice is taken. */
    private static String expand(String snippet) throws IOException {
        JsonObject snippets = JsonParser.parseString(Files.readString(SNIPPETS)).getAsJsonObject();
        StringBuilder body = new StringBuilder();
        for (JsonElement line : snippets.getAsJsonObject(snippet).getAsJsonArray("body")) {
            body.append(line.getAsString()).append('\n');
        }
        Map<String, String> defaults = new HashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(body);
        StringBuilder expanded = new StringBuilder();
        while (placeholder.find()) {
            String number = placeholder.group(1) != null ? placeholder.group(1) : placeholder.group(3);
            String value = placeholder.group(1) != null ? placeholder.group(2) : placeholder.group(4);
            defaults.putIfAbsent(number, value);
            placeholder.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(expanded);
        // A bare $n repeats its placeholder's value; $0 is where the cursor ends.
        return TABSTOP.matcher(expanded).replaceAll(tabstop ->
                Matcher.quoteReplacement(defaults.getOrDefault(tabstop.group(1), "")));
    }
}
