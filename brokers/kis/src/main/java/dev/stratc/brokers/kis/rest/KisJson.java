package dev.stratc.brokers.kis.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads KIS JSON. KIS sends most keys in lower case but order responses in upper case ({@code ODNO}), and every
 * number as a padded string ({@code "0000000001"}, {@code "135440.2517"}, {@code ""}), so keys are folded to lower
 * case once at parse time and numbers are read from text.
 */
public final class KisJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private KisJson() {
    }

    /** Parses {@code json} with every object key in lower case. */
    public static JsonNode parse(String json) throws JsonProcessingException {
        return lowerCaseKeys(MAPPER.readTree(json));
    }

    private static JsonNode lowerCaseKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode folded = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                folded.set(field.getKey().toLowerCase(Locale.ROOT), lowerCaseKeys(field.getValue()));
            }
            return folded;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode folded = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> folded.add(lowerCaseKeys(element)));
            return folded;
        }
        return node;
    }

    /** The trimmed text of {@code field}, or {@code ""} when absent. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field.toLowerCase(Locale.ROOT));
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    /** The number in {@code field}; a blank or absent field reads as zero. */
    public static BigDecimal decimal(JsonNode node, String field) {
        String text = text(node, field);
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KIS field " + field + " is not a number: '" + text + "'", e);
        }
    }

    public static long whole(JsonNode node, String field) {
        return decimal(node, field).longValueExact();
    }

    /**
     * The records under {@code field}, whether KIS sent an array or a single object (the multi-symbol quote and
     * the balance summary have been seen both ways).
     */
    public static List<JsonNode> records(JsonNode body, String field) {
        JsonNode value = body.get(field);
        List<JsonNode> records = new ArrayList<>();
        if (value == null || value.isNull()) {
            return records;
        }
        if (value.isArray()) {
            value.forEach(records::add);
        } else if (value.isObject() && !value.isEmpty()) {
            records.add(value);
        }
        return records;
    }

    /** The single record under {@code field}, taking the first element when KIS sent an array. */
    public static JsonNode record(JsonNode body, String field) {
        List<JsonNode> records = records(body, field);
        return records.isEmpty() ? JsonNodeFactory.instance.objectNode() : records.get(0);
    }
}
