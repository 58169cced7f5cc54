package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.stratc.cli.ExitCode;

/** docs/exit-codes.md tells the truth: every exit code is in its table, every option's range is the one enforced. */
class ExitCodesDocTest {
    private static final Path DOC = Path.of("../docs/exit-codes.md");

    @Test
    void everyExitCodeHasARow() throws Exception {
        String doc = Files.readString(DOC);
        for (Field field : ExitCode.class.getFields()) {
            assertThat(doc).as(field.getName()).contains("\n| " + field.getInt(null) + " | ");
        }
    }

    @Test
    void everyNumericOptionsRangeIsDocumentedAsItIsEnforced() throws Exception {
        List<String> rows = Files.readAllLines(DOC).stream().filter(line -> line.startsWith("| `--")).toList();
        for (Field field : Bounds.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != Bounds.class) {
                continue;
            }
            Bounds bounds = (Bounds) field.get(null);
            assertThat(rows).as(field.getName())
                    .anyMatch(row -> row.contains("`" + bounds.option() + "`") && row.contains(bounds.range()));
        }
        assertThat(rows).anyMatch(row -> row.contains("`--timeframe`") && row.contains(
                Durations.text(Durations.MIN_TIMEFRAME) + " to " + Durations.text(Durations.MAX_TIMEFRAME)));
    }
}
