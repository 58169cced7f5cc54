package dev.stratc.runtime.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class JsonLinesTest {
    @TempDir
    Path dir;

    private Path write(int records) {
        Path file = dir.resolve("a.jsonl");
        try (JsonLines lines = JsonLines.open(file)) {
            for (int i = 0; i < records; i++) {
                lines.append(JsonLines.record("fill").put("i", i).put("symbol", "005930"));
            }
        }
        return file;
    }

    @Test
    void eachLineIsPlainJsonWithItsOwnChecksum() throws Exception {
        Path file = write(3);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        var node = new ObjectMapper().readTree(lines.get(1));
        assertThat(node.path("type").asText()).isEqualTo("fill");
        assertThat(node.path("i").asInt()).isEqualTo(1);
        assertThat(node.path("crc").asText()).matches("[0-9a-f]{8}");
        assertThat(JsonLines.read(file).records()).extracting(r -> r.path("i").asInt()).containsExactly(0, 1, 2);
    }

    @Test
    void aLastLineCutOffByACrashIsDroppedAndReported() throws Exception {
        Path file = write(3);
        String full = Files.readString(file);
        Files.writeString(file, full + "{\"type\":\"fill\",\"i\":3,\"sym", StandardCharsets.UTF_8);
        JsonLines.Contents contents = JsonLines.read(file);
        assertThat(contents.records()).hasSize(3);
        assertThat(contents.tornTail()).isTrue();
    }

    @Test
    void aChangedLineInTheMiddleIsRefusedWithFileAndLine() throws Exception {
        Path file = write(3);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(1).replace("005930", "000660"), lines.get(2)));
        assertThatThrownBy(() -> JsonLines.read(file)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("a.jsonl:2:").hasMessageContaining("checksum");
    }

    @Test
    void appendingAfterARestartContinuesTheFile() throws Exception {
        Path file = write(2);
        try (JsonLines lines = JsonLines.open(file)) {
            lines.append(JsonLines.record("fill").put("i", 2));
            lines.sync();
        }
        Files.writeString(file, "", StandardOpenOption.APPEND);
        assertThat(JsonLines.read(file).records()).hasSize(3);
    }

    @Test
    void recoveryMovesATornTailToASideFileTruncatesAndSaysSoOnce() throws Exception {
        Path file = write(3);
        String whole = Files.readString(file);
        String torn = "{\"type\":\"fill\",\"i\":3,\"sym";
        Files.writeString(file, whole + torn, StandardCharsets.UTF_8);

        JsonLines.Contents contents = JsonLines.recover(file);
        assertThat(contents.records()).hasSize(3);
        assertThat(contents.torn()).isNotNull();
        assertThat(contents.torn().bytes()).isEqualTo(torn.length());
        assertThat(contents.torn().sideFile()).hasFileName("a.jsonl.torn-1").hasContent(torn);
        assertThat(contents.torn().describe()).contains("a.jsonl").contains("a.jsonl.torn-1");
        assertThat(Files.readString(file)).isEqualTo(whole);

        assertThat(JsonLines.recover(file).torn()).as("repaired once, clean afterwards").isNull();
    }

    @Test
    void openingForAppendNeverWritesOntoATornLine() throws Exception {
        Path file = write(2);
        Files.writeString(file, "{\"type\":\"fi", StandardOpenOption.APPEND);
        try (JsonLines lines = JsonLines.open(file)) {
            assertThat(lines.repaired()).isPresent();
            lines.append(JsonLines.record("fill").put("i", 2));
        }
        JsonLines.Contents contents = JsonLines.read(file);
        assertThat(contents.records()).extracting(r -> r.path("i").asInt()).containsExactly(0, 1, 2);
        assertThat(contents.tornTail()).isFalse();
        assertThat(dir.resolve("a.jsonl.torn-1")).hasContent("{\"type\":\"fi");
    }

    @Test
    void aChangedLastLineIsRefusedNotMistakenForATornOne() throws Exception {
        Path file = write(3);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(1), lines.get(2).replace("005930", "000660")));
        assertThatThrownBy(() -> JsonLines.recover(file)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("a.jsonl:3:");
    }

    @Test
    void blankLinesAreNotDamageAtTheEndOrAfterMoreAppends() throws Exception {
        Path file = write(2);
        Files.writeString(file, "\n\n  \n", StandardOpenOption.APPEND);
        assertThat(JsonLines.recover(file).records()).hasSize(2);
        try (JsonLines lines = JsonLines.open(file)) {
            lines.append(JsonLines.record("fill").put("i", 2));
        }
        Files.writeString(file, "   ", StandardOpenOption.APPEND);
        JsonLines.Contents contents = JsonLines.recover(file);
        assertThat(contents.records()).hasSize(3);
        assertThat(contents.torn()).as("trailing spaces are not a torn line").isNull();
    }

    @Test
    void aLineOfInvalidBytesIsRefusedWithItsLine() throws Exception {
        Path file = write(2);
        byte[] bytes = Files.readAllBytes(file);
        bytes[10] = (byte) 0xff;
        Files.write(file, bytes);
        assertThatThrownBy(() -> JsonLines.read(file)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("a.jsonl:1:");
    }
}
