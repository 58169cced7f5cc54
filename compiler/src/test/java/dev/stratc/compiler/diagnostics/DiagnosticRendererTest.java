package dev.stratc.compiler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.StratCompiler;

/** The caret sits under the mistake in a terminal, after tabs and after Korean text too. */
class DiagnosticRendererTest {
    private final DiagnosticRenderer renderer = new DiagnosticRenderer(false);

    @Test
    void caretLinesUpAfterKoreanText() {
        String source = "strategy(\"급등\") {\n  scan {\n    when (\"급등\" == symbol AND clsoe > 0) {\n"
                + "      signal(\"UP\")\n    }\n  }\n}\n";

        Diagnostic diagnostic = StratCompiler.standard().analyze(source, "k.strat").diagnostics().get(0);

        assertThat(renderer.render(diagnostic, source)).isEqualTo("""
                k.strat:3:30: error[S007]: unknown name 'clsoe'
                 3 |     when ("급등" == symbol AND clsoe > 0) {
                   |                                ^^^^^
                   = hint: did you mean 'close'?
                """);
    }

    @Test
    void tabsAreKeptSoTheCaretFollowsTheTabWidth() {
        String source = "strategy(\"T\") {\n\tentry {\n\t\twhen (clsoe > 0) {\n\t\t\tbuy()\n\t\t}\n\t}\n}\n";

        Diagnostic diagnostic = StratCompiler.standard().analyze(source, "t.strat").diagnostics().get(0);

        assertThat(renderer.render(diagnostic, source)).contains(" 3 | \t\twhen (clsoe > 0) {\n   | \t\t      ^^^^^\n");
    }
}
