package dev.stratc.brokers.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** JSON helpers: Kiwoom's {@code return_code} comes as a number or a string, fields may be missing. */
public final class KiwoomJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private KiwoomJson() {
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (java.io.IOException e) {
            throw new KiwoomException("Kiwoom sent a body that is not JSON: "
                    + (text.length() > 120 ? text.substring(0, 120) + "…" : text));
        }
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    /** {@code return_code}: 0 when absent (LOGIN acks and REAL frames carry none). */
    public static int returnCode(JsonNode body) {
        JsonNode rc = body.path("return_code");
        if (rc.isNumber()) {
            return rc.asInt();
        }
        String s = rc.asText("").strip();
        try {
            return s.isEmpty() ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static List<JsonNode> rows(JsonNode body, String field) {
        List<JsonNode> rows = new ArrayList<>();
        body.path(field).forEach(rows::add);
        return rows;
    }
}
