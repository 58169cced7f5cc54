package dev.stratc.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;

/** Compiler positions (1-based, code points) against editor positions (0-based, UTF-16). */
class DocumentTextTest {

    @Test
    void linesAndColumnsBecomeZeroBased() {
        DocumentText text = new DocumentText("ab\ncd\n");

        assertThat(text.position(2, 2)).isEqualTo(new Position(1, 1));
        assertThat(text.offset(new Position(1, 1))).isEqualTo(4);
        assertThat(text.position(4)).isEqualTo(new Position(1, 1));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneColumnForTheCompilerAndTwoForTheEditor() {
        DocumentText text = new DocumentText("// 📈 up\nx");

        assertThat(text.position(1, 6)).as("the 'u' after the chart emoji").isEqualTo(new Position(0, 6));
        assertThat(text.codePointOffset(6)).isEqualTo(5);
        assertThat(text.utf16Offset(5)).isEqualTo(6);
    }

    @Test
    void windowsLineEndsDoNotCountAsColumns() {
        DocumentText text = new DocumentText("ab\r\ncd");

        assertThat(text.position(1, 99)).as("clamped to the end of the line, before \\r").isEqualTo(new Position(0, 2));
        assertThat(text.offset(new Position(1, 0))).isEqualTo(4);
        assertThat(text.offset(new Position(0, 50))).isEqualTo(2);
    }

    @Test
    void positionsPastTheTextAreClampedToIt() {
        DocumentText text = new DocumentText("ab");

        assertThat(text.position(7, 1)).isEqualTo(new Position(0, 0));
        assertThat(text.offset(new Position(3, 3))).isEqualTo(2);
        assertThat(text.wholeRange().getEnd()).isEqualTo(new Position(0, 2));
    }
}
