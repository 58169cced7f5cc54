package dev.stratc.indicators.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.docs.FunctionReference;

/**
 * docs/functions.md is the registry rendered: it fails when someone changes one without the other. Regenerate
 * with {@value FunctionReference#REGENERATE}, or run this test with {@code -Dstratc.regenerateDocs=true}.
 */
class FunctionDocsTest {
    private static final Path DOCS = Path.of("..", "docs", "functions.md");

    @Test
    void functionsMdMatchesTheRegistry() throws IOException {
        String rendered = FunctionReference.markdown(FunctionRegistry.standard());
        if (Boolean.getBoolean("stratc.regenerateDocs")) {
            Files.createDirectories(DOCS.getParent());
            Files.writeString(DOCS, rendered);
        }
        String fix = "; regenerate it: " + FunctionReference.REGENERATE
                + " (or ./mvnw -B -o -q -pl stdlib-indicators test -Dtest=FunctionDocsTest -Dstratc.regenerateDocs=true)";
        assertThat(DOCS).as("docs/functions.md is missing" + fix).exists();
        String[] expected = rendered.split("\n", -1);
        String[] actual = Files.readString(DOCS).split("\n", -1);
        for (int line = 0; line < Math.max(expected.length, actual.length); line++) {
            String want = line < expected.length ? expected[line] : "(end of file)";
            String have = line < actual.length ? actual[line] : "(end of file)";
            assertThat(have).as("docs/functions.md is stale at line " + (line + 1) + fix).isEqualTo(want);
        }
    }

    @Test
    void everyFunctionHasItsSection() {
        String rendered = FunctionReference.markdown(FunctionRegistry.standard());
        FunctionRegistry.standard().all().forEach(spec ->
                assertThat(rendered).contains("\n### " + spec.name() + "\n", "`" + spec.signature() + "`"));
    }
}
