package dev.stratc.compiler.codegen;

/** Indented Java source, a line at a time. */
final class JavaWriter {
    private final StringBuilder text = new StringBuilder();
    private int depth;

    void line(String line) {
        text.append("    ".repeat(depth)).append(line).append('\n');
    }

    void blank() {
        text.append('\n');
    }

    /** {@code header {} and one level deeper; an empty header opens a bare block. */
    void open(String header) {
        line(header.isEmpty() ? "{" : header + " {");
        depth++;
    }

    void close() {
        depth--;
        line("}");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
