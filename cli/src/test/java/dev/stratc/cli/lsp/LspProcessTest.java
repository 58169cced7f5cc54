package dev.stratc.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.stratc.cli.Main;

/**
 * {@code stratc lsp} as an editor starts it: a separate process fed framed JSON-RPC on stdin. Its stdout must
 * carry nothing but protocol messages, and it must exit 0 after shutdown and exit.
 */
class LspProcessTest {

    @Test
    void aWholeSessionOverStdioEndsWithExitCodeZero() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "lsp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String text = "strategy(\\\"X\\\") {\\n  scan {\\n    when (rsii(14) < 30) { signal(\\\"A\\\") }\\n  }\\n}\\n";
        try (var stdin = process.getOutputStream()) {
            for (String message : List.of(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                            + "{\"uri\":\"file:///tmp/x.strat\",\"languageId\":\"strat\",\"version\":1,"
                            + "\"text\":\"" + text + "\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}")) {
                byte[] body = message.getBytes(StandardCharsets.UTF_8);
                stdin.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                stdin.write(body);
            }
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        process.getInputStream().transferTo(stdout);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        // One byte per char, so that Content-Length (in bytes) can be checked; bodies are decoded afterwards.
        List<String> messages = messages(stdout.toString(StandardCharsets.ISO_8859_1));
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).contains("\"id\":1", "\"hoverProvider\":true");
        assertThat(messages.get(1)).contains("textDocument/publishDiagnostics", "\"code\":\"S008\"",
                "{\"start\":{\"line\":2,\"character\":10},\"end\":{\"line\":2,\"character\":14}}");
        assertThat(messages.get(2)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":null}");
    }

    /** Splits the stream into message bodies, failing on anything that is not a framed message. */
    private static List<String> messages(String stream) {
        Matcher frame = Pattern.compile("Content-Length: (\\d+)\r\n\r\n").matcher(stream);
        List<String> bodies = new ArrayList<>();
        int position = 0;
        while (position < stream.length()) {
            assertThat(frame.find(position) && frame.start() == position)
                    .as("a framed message at offset %d of %s", position, stream).isTrue();
            int length = Integer.parseInt(frame.group(1));
            String body = stream.substring(frame.end(), frame.end() + length);
            bodies.add(new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            position = frame.end() + length;
        }
        return bodies;
    }
}
