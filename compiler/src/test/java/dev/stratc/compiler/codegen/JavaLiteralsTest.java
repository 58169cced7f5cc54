package dev.stratc.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Every literal is printable ASCII on one line, and Janino, compiling it through the strategy class loader, reads
 * back exactly the text it was made from: tricky texts written out, and random texts from every part of UTF-16.
 */
class JavaLiteralsTest {

    @Test
    void knownTextsAreWrittenAsExpected() {
        assertThat(JavaLiterals.string("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(JavaLiterals.string("\\u000a")).isEqualTo("\"\\\\u000a\"");
        assertThat(JavaLiterals.string("\n\r\t")).isEqualTo("\"\\n\\r\\t\"");
        assertThat(JavaLiterals.string("\u00001")).isEqualTo("\"\\0001\"");
        assertThat(JavaLiterals.string("\u001b\u007f\u00e9")).isEqualTo("\"\\033\\u007f\\u00e9\"");
        assertThat(JavaLiterals.string("*/ //")).isEqualTo("\"*/ //\"");
    }

    @Test
    void janinoReadsBackEveryText() throws Throwable {
        List<String> texts = new ArrayList<>(List.of("", "\\", "\\\\", "\\u0022", "\\\\u0022", "\\uuuu000a", "\"",
                "\u0000", "\u00007", "\u00018", "\r\n", "\ud83d\ude80", "\udc00\ud800", "\ufffe\uffff", "*/"));
        Random random = new Random(15);
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int c = 0; c < length; c++) {
                // Mostly the characters that matter to a Java lexer, and some of everything else.
                text.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x10000)
                        : "\\u\"'/*\n\r\t0123 ".charAt(random.nextInt(14)));
            }
            texts.add(text.toString());
        }
        StringBuilder source = new StringBuilder("package dev.stratc.generated;\npublic class Literals {\n"
                + "    public static Object texts() {\n        return new String[] {\n");
        for (String text : texts) {
            String literal = JavaLiterals.string(text);
            assertThat(literal.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(literal).isTrue();
            source.append("            ").append(literal).append(",\n");
        }
        source.append("        };\n    }\n}\n");
        JavaGenerator.GeneratedClass generated =
                new JavaGenerator.GeneratedClass("dev.stratc.generated.Literals", source.toString());
        byte[] bytecode = ProgramLoader.compile(generated);
        Object read = Class.forName(generated.className(), true,
                        StrategyClassLoader.forClasses(Map.of(generated.className(), bytecode)))
                .getMethod("texts").invoke(null);
        assertThat((String[]) read).containsExactlyElementsOf(texts);
    }
}
