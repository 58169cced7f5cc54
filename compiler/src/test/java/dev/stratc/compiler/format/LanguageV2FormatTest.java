package dev.stratc.compiler.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.compiler.parse.ParsedFile;
import dev.stratc.compiler.parse.SourceParser;

/** fmt's canonical layout of if/else chains, ternaries, vars, assignments and functions, comments kept in place. */
class LanguageV2FormatTest {

    @Test
    void theNewConstructsGetTheirCanonicalLayout() {
        String messy = """
                strategy("V2") {
                var   stop_price=na // the signal bar's low
                fn spread(a,b)=a-b
                fn mid(h , l){
                let half=spread(h,l)/2
                // the middle of the bar
                return l+half }
                entry {
                if(close>open?true:false){stop_price:=low
                buy()}
                else   if ((close-open)[2]>0) { log("up") }
                // nothing else to do
                else { log(close > open ? 1 : close < open ? -1 : 0) }
                }
                }
                """;
        String canonical = """
                strategy("V2") {
                  var stop_price = na  // the signal bar's low

                  fn spread(a, b) = a - b

                  fn mid(h, l) {
                    let half = spread(h, l) / 2
                    // the middle of the bar
                    return l + half
                  }

                  entry {
                    if (close > open ? true : false) {
                      stop_price := low
                      buy()
                    } else if ((close - open)[2] > 0) {
                      log("up")
                      // nothing else to do
                    } else {
                      log(close > open ? 1 : close < open ? -1 : 0)
                    }
                  }
                }
                """;
        assertThat(format(messy)).isEqualTo(canonical);
        assertThat(format(canonical)).isEqualTo(canonical);
    }

    @Test
    void aChoiceInsideAConditionOrAnOperandKeepsItsParentheses() {
        String source = """
                strategy("P") {
                  let x = (close > open ? close : open) * 2
                  let y = (close > open ? true : false) ? 1 : 2
                }
                """;
        assertThat(format(source)).isEqualTo(source);
    }

    /** The examples of issue 16 are written in fmt's layout: {@code stratc fmt --check} passes on them. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"opening-range-breakout.strat", "kelly-sizing.strat",
        "macd-daily-filter.strat"})
    void theLanguageV2ExamplesAreInTheCanonicalLayout(String name) {
        String source = dev.stratc.compiler.TestFiles.read(dev.stratc.compiler.TestFiles.repositoryRoot()
                .resolve("examples").resolve(name));
        assertThat(format(source)).isEqualTo(source);
    }

    @Test
    void plotsAndTheRecordKeepTheirLayout() {
        String canonical = """
                strategy("P") {
                  entry {
                    plot("range high", opening_high(30m), overlay: true)
                    when (strategy.win_rate > 50% AND value_at("09:30", close) < close) {
                      buy()
                    }
                  }
                }
                """;
        assertThat(format(canonical)).isEqualTo(canonical);
    }

    private static String format(String source) {
        DiagnosticReporter reporter = new DiagnosticReporter();
        ParsedFile parsed = SourceParser.parse(source, "v2.strat", reporter);
        assertThat(reporter.diagnostics()).isEmpty();
        return Formatter.format(parsed);
    }
}
