package dev.stratc.cli.lsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The text of an open document and the conversions between the two ways of pointing into it: the compiler's
 * 1-based line and column counted in code points (what ANTLR counts), and LSP's 0-based line and character
 * counted in UTF-16 units (what editors count). They differ on every line and, after an emoji or another
 * character outside the Basic Multilingual Plane, in the column too.
 */
final class DocumentText {
    private final String text;
    private final int[] lineStarts;

    DocumentText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return text;
    }

    /** The LSP position of a compiler position (1-based line, 1-based code-point column); clamped to the text. */
    Position position(int line, int column) {
        int lineIndex = Math.clamp(line - 1, 0, lineStarts.length - 1);
        int start = lineStarts[lineIndex];
        int end = lineEnd(lineIndex);
        int offset = start;
        for (int skipped = 1; skipped < column && offset < end; skipped++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        return new Position(lineIndex, offset - start);
    }

    /** The LSP range of a compiler span given by its first position and the position just after it. */
    Range range(int line, int column, int endLine, int endColumn) {
        return new Range(position(line, column), position(endLine, endColumn));
    }

    /** The UTF-16 offset into {@link #text()} of an LSP position; clamped to the text. */
    int offset(Position position) {
        int lineIndex = Math.clamp(position.getLine(), 0, lineStarts.length - 1);
        int start = lineStarts[lineIndex];
        return Math.min(start + Math.max(position.getCharacter(), 0), lineEnd(lineIndex));
    }

    /** The LSP position of a UTF-16 offset into {@link #text()}. */
    Position position(int offset) {
        int clamped = Math.clamp(offset, 0, text.length());
        int lineIndex = lineOf(clamped);
        return new Position(lineIndex, clamped - lineStarts[lineIndex]);
    }

    /** The LSP range between two UTF-16 offsets. */
    Range range(int startOffset, int endOffset) {
        return new Range(position(startOffset), position(endOffset));
    }

    /** The code-point offset (what ANTLR and the compiler's spans count) of a UTF-16 offset. */
    int codePointOffset(int offset) {
        return text.codePointCount(0, Math.clamp(offset, 0, text.length()));
    }

    /** The UTF-16 offset of a code-point offset. */
    int utf16Offset(int codePointOffset) {
        return text.offsetByCodePoints(0, Math.clamp(codePointOffset, 0, text.codePointCount(0, text.length())));
    }

    /** The whole text, for edits that replace it. */
    Range wholeRange() {
        return new Range(new Position(0, 0), position(text.length()));
    }

    private int lineOf(int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The offset of the line's terminator (or of the end of the text), a carriage return included. */
    private int lineEnd(int lineIndex) {
        int end = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1] - 1 : text.length();
        return end > lineStarts[lineIndex] && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }
}
