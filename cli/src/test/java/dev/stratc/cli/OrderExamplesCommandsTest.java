package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The commands docs/language.md gives for the order examples run as written: stop entries and pyramiding, an
 * expiring limit, a stop three ticks under the entry. The trades themselves are checked by hand in the runtime's
 * OrderTypesBacktestTest; here the command line must take the files and the data.
 */
class OrderExamplesCommandsTest {

    private static JsonNode backtest(String example, String data) throws Exception {
        CliRun run = CliRun.run("backtest", "../examples/" + example, "--data", data, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void theTurtleBacktestsOnTheDailyData() throws Exception {
        JsonNode json = backtest("turtle.strat", "../examples/data/aapl-1d.csv");
        assertThat(json.get("strategy").asText()).isEqualTo("Turtle");
        assertThat(json.get("metrics").get("trades").asInt()).isEqualTo(5);
    }

    @Test
    void theExpiringLimitBacktestsOnTheDailyData() throws Exception {
        JsonNode json = backtest("limit-dip.strat", "../examples/data/aapl-1d.csv");
        assertThat(json.get("strategy").asText()).isEqualTo("LimitDip");
        assertThat(json.get("metrics").get("trades").asInt()).isEqualTo(7);
    }

    @Test
    void theExamplesAreInFmtsCanonicalLayout() {
        CliRun run = CliRun.run("fmt", "--check", "../examples/turtle.strat", "../examples/limit-dip.strat",
                "../examples/tick-scalper.strat");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void theTickScalperBacktestsOnTheSyntheticKrxUniverse() throws Exception {
        JsonNode json = backtest("tick-scalper.strat", "synth:krx?symbols=20&days=5&seed=1");
        assertThat(json.get("strategy").asText()).isEqualTo("TickScalper");
        assertThat(json.get("metrics").get("trades").asInt()).isPositive();
    }
}
