package dev.stratc.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.TestFiles;
import dev.stratc.compiler.diagnostics.Diagnostic;

/** Pine Script and freqtrade habits in a .strat file get the stratc form as the hint, not a bare error. */
class PineNamesTest {
    private static List<Diagnostic> errors(String entryCondition) {
        String source = """
                strategy("Habits", timeframe: 5m) {
                  entry {
                    when (%s) {
                      buy(quantity: 1)
                    }
                  }
                }
                """.formatted(entryCondition);
        return StratCompiler.standard().analyze(source, "habits.strat").diagnostics().stream()
                .filter(Diagnostic::isError).toList();
    }

    private static Diagnostic first(String entryCondition) {
        List<Diagnostic> errors = errors(entryCondition);
        assertThat(errors).as(entryCondition).isNotEmpty();
        return errors.getFirst();
    }

    @Test
    void aPineTaCallIsAnsweredWithTheStratcFunction() {
        Diagnostic d = first("ta.rsi(close, 14) < 30");
        assertThat(d.message()).contains("'ta.rsi(…)' is Pine Script").doesNotContain("expected ')'");
        assertThat(d.hint()).isEqualTo("in stratc: rsi(close, 14) (docs/coming-from-pine.md)");
        assertThat(d.span().line()).isEqualTo(3);
    }

    @Test
    void pineV4AndFreqtradeNamesGetTheirStratcNames() {
        assertThat(first("crossover(ema(close, 9), ema(close, 21))").hint()).contains("crosses_above(fast, slow)");
        assertThat(first("crossed_below(close, sma(close, 20))").hint()).contains("crosses_below(fast, slow)");
        assertThat(first("RSI(close, 14) < 30").hint()).contains("rsi(close, 14)");
        assertThat(first("qtpylib.crossed_above(close, sma(close, 20))").hint()).contains("crosses_above");
    }

    @Test
    void strategyCallsAndBollingerMembersOfAnUnboundNameAreExplained() {
        Diagnostic entry = first("strategy.entry(\"L\", strategy.long)");
        assertThat(entry.hint()).contains("buy(quantity: …) in the entry block");
        Diagnostic band = first("close < bb.lower");
        assertThat(band.message()).contains("unknown name 'bb'");
        assertThat(band.hint()).contains("let bb = bollinger(close, 20, 2) first, then bb.lower");
        assertThat(first("close > ta.tr").hint()).contains("true_range()");
    }

    @Test
    void stratcsOwnNamesAreNotMistakenForPine() {
        assertThat(PineNames.hint("rsi")).isEmpty();
        assertThat(PineNames.hint("sma")).isEmpty();
        assertThat(errors("rsi(close, 14) < 30")).isEmpty();
        String bound = """
                strategy("Bands", timeframe: 5m) {
                  let bb = bollinger(close, 20, 2)
                  entry {
                    when (close < bb.lower) {
                      buy(quantity: 1)
                    }
                  }
                }
                """;
        assertThat(StratCompiler.standard().analyze(bound, "bands.strat").diagnostics()).noneMatch(Diagnostic::isError);
    }

    @Test
    void theComingFromPinePageListsEveryNameOfTheTable() {
        String page = TestFiles.read(TestFiles.repositoryRoot().resolve("docs/coming-from-pine.md"));
        for (Map.Entry<String, String> row : PineNames.table().entrySet()) {
            if (!row.getKey().contains(".") && PineNames.table().containsKey("ta." + row.getKey())) {
                continue;   // the v4 spelling of a ta.* row
            }
            assertThat(page).as("docs/coming-from-pine.md lists " + row.getKey())
                    .contains("| `" + row.getKey() + "` | " + row.getValue().replace("|", "\\|") + " |");
        }
    }
}
