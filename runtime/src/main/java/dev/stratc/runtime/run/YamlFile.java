package dev.stratc.runtime.run;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A configuration file read as a tree, with the line of every key, so that a message can say
 * {@code accounts.yaml:7: unknown key 'colour'} instead of leaving the user to search for it.
 * Nodes are addressed by JSON pointer: {@code /accounts/0/colour}.
 */
final class YamlFile {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlFile(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Reads a file whose top level is a mapping; a missing, unreadable or malformed file is a ConfigException. */
    static YamlFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigFiles.ConfigException(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new ConfigFiles.ConfigException(file + ": not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw new ConfigFiles.ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                throw new ConfigFiles.ConfigException(file + ": expected a YAML mapping of keys to values");
            }
            Map<String, Integer> lines = new HashMap<>();
            try (JsonParser parser = FACTORY.createParser(text)) {
                parser.nextToken();
                index(parser, "", lines);
            }
            return new YamlFile(file, root, lines);
        } catch (IOException e) {
            throw new ConfigFiles.ConfigException(file + ": not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void index(JsonParser parser, String pointer, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String child = pointer + "/" + parser.currentName().replace("~", "~0").replace("/", "~1");
                lines.put(child, parser.currentTokenLocation().getLineNr());
                parser.nextToken();
                index(parser, child, lines);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                index(parser, pointer + "/" + i++, lines);
            }
        }
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** {@code accounts.yaml:7} for the node at {@code pointer} (or its nearest enclosing node). */
    String at(String pointer) {
        String p = pointer;
        while (!lines.containsKey(p) && !p.isEmpty()) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        Integer line = lines.get(p);
        return line == null || line < 1 ? file.toString() : file + ":" + line;
    }
}
