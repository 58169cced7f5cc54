package dev.stratc.compiler.diagnostics;

import java.util.List;

import dev.stratc.compiler.ast.SourceSpan;

/**
 * The human form of a diagnostic, the way compilers print them:
 * <pre>
 * momentum.strat:14:7: error[S007]: unknown name 'rsii'
 *    14 |       rsii(14) &lt; 70
 *       |       ^^^^
 *       = hint: did you mean 'rsi'?
 * </pre>
 * Tabs in the source line are kept in the underline's padding so the caret lines up in any tab width.
 */
public final class DiagnosticRenderer {
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String BOLD = "\u001b[1m";
    private static final String CYAN = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    public DiagnosticRenderer(boolean colour) {
        this.colour = colour;
    }

    public String render(Diagnostic diagnostic, String source) {
        SourceSpan span = diagnostic.span();
        StringBuilder out = new StringBuilder();
        String severity = diagnostic.severity().label() + "[" + diagnostic.code().code() + "]";
        out.append(paint(BOLD, span.position() + ":")).append(' ')
                .append(paint(diagnostic.isError() ? RED : YELLOW, severity)).append(": ")
                .append(paint(BOLD, diagnostic.message())).append('\n');
        List<String> lines = source.lines().toList();
        if (span.line() >= 1 && span.line() <= lines.size()) {
            String line = lines.get(span.line() - 1);
            String number = String.valueOf(span.line());
            String gutter = " ".repeat(number.length() + 1);
            out.append(paint(CYAN, " " + number + " |")).append(' ').append(line).append('\n');
            out.append(paint(CYAN, gutter + " |")).append(' ')
                    .append(padding(line, span.column() - 1))
                    .append(paint(diagnostic.isError() ? RED : YELLOW, underline(line, span))).append('\n');
            if (diagnostic.hint() != null) {
                out.append(paint(CYAN, gutter + " =")).append(" hint: ").append(diagnostic.hint()).append('\n');
            }
        } else if (diagnostic.hint() != null) {
            out.append("  = hint: ").append(diagnostic.hint()).append('\n');
        }
        return out.toString();
    }

    /** {@code 2 errors, 1 warning}. */
    public static String summary(long errors, long warnings) {
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Spaces up to a column, keeping tabs, and two spaces for a wide character (한글, 漢字) as terminals do. */
    private static String padding(String line, int columns) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < columns; i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            pad.append(c == '\t' ? "\t" : isWide(c) ? "  " : " ");
        }
        return pad.toString();
    }

    private static String underline(String line, SourceSpan span) {
        int end = span.endLine() == span.line() ? span.endColumn() - 1 : line.length();
        int width = 0;
        for (int i = span.column() - 1; i < Math.min(end, line.length()); i++) {
            width += isWide(line.charAt(i)) ? 2 : 1;
        }
        return "^".repeat(Math.max(1, width));
    }

    private static boolean isWide(char c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6);
    }

    private String paint(String style, String text) {
        return colour ? style + text + RESET : text;
    }
}
