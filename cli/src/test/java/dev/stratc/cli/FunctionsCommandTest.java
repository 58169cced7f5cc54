package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.docs.FunctionReference;

class FunctionsCommandTest {

    @Test
    void listsEveryFunctionByCategory() {
        CliRun run = CliRun.run("functions");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Moving averages", "Korean market", "Run 'stratc functions NAME'");
        FunctionRegistry.standard().all().forEach(spec -> assertThat(run.out()).contains("  " + spec.name() + " "));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void showsOneFunctionWithParametersMembersAndExample() {
        CliRun run = CliRun.run("functions", "macd");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("macd(source = close, fast = 12, slow = 26, signal = 9) -> number")
                .contains("Parameters:", "slow", "Members:", ".signal", ".histogram", "Example:");
    }

    @Test
    void anUnknownNameIsAUsageErrorThatSuggestsTheRightOne() {
        CliRun run = CliRun.run("functions", "rsii");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no function 'rsii'").contains("did you mean rsi?");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void markdownIsTheGeneratedReference() {
        CliRun run = CliRun.run("functions", "--markdown");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(FunctionReference.markdown(FunctionRegistry.standard()));
    }
}
