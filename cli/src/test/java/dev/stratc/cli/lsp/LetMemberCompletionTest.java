package dev.stratc.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

/**
 * Completion after a name a let binds to a multi-output indicator offers its members, as after the call itself:
 * {@code let bb = bollinger(20, 2)} then {@code bb.} lists upper, middle, lower, width, percent_b.
 */
class LetMemberCompletionTest {
    private final Completions completions = new Completions(LanguageCatalog.standard());

    private List<String> labelsAt(String source, String marker) {
        int offset = source.indexOf(marker) + marker.length();
        OpenDocument document = OpenDocument.of("file:///tmp/bands.strat", source);
        return completions.at(document, offset).stream().map(CompletionItem::getLabel).toList();
    }

    private static final String BANDS = """
            strategy("Bands", timeframe: 5m) {
              let bb = bollinger(close, 20, 2)
              let m = macd(close, 12, 26, 9)
              let trend = ema(close, 50)
              entry {
                when (close < bb.) {
                  buy(quantity: 1)
                }
              }
            }
            """;

    @Test
    void aLetBoundBollingerOffersItsMembersWhileTheLineIsIncomplete() {
        assertThat(labelsAt(BANDS, "close < bb.")).containsExactly("upper", "middle", "lower", "width", "percent_b");
    }

    @Test
    void theMembersAreTheSameAsAfterTheCallItself() {
        String direct = BANDS.replace("close < bb.", "close < bollinger(close, 20, 2).");
        assertThat(labelsAt(BANDS, "close < bb.")).isEqualTo(labelsAt(direct, "bollinger(close, 20, 2)."));
        assertThat(labelsAt(BANDS.replace("close < bb.", "close < m."), "close < m."))
                .containsExactly("line", "signal", "histogram");
    }

    @Test
    void aLetOfASingleOutputIndicatorOffersNothingAfterItsDot() {
        assertThat(labelsAt(BANDS.replace("close < bb.", "close < trend."), "close < trend.")).isEmpty();
    }
}
