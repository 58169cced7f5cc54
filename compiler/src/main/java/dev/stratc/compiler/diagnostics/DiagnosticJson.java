package dev.stratc.compiler.diagnostics;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Diagnostics for tools: one JSON array, each element with {@code file, line, column, endLine, endColumn,
 * severity, code, message} and {@code hint} when there is one. Lines and columns are 1-based.
 */
public final class DiagnosticJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DiagnosticJson() {
    }

    public static String render(List<Diagnostic> diagnostics) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Diagnostic diagnostic : diagnostics) {
            ObjectNode node = array.addObject();
            node.put("file", diagnostic.span().file());
            node.put("line", diagnostic.span().line());
            node.put("column", diagnostic.span().column());
            node.put("endLine", diagnostic.span().endLine());
            node.put("endColumn", diagnostic.span().endColumn());
            node.put("severity", diagnostic.severity().label());
            node.put("code", diagnostic.code().code());
            node.put("message", diagnostic.message());
            if (diagnostic.hint() != null) {
                node.put("hint", diagnostic.hint());
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
