package dev.stratc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.stratc.strategy.ParameterValue;

class ParameterValuesTest {

    @Test
    void readsValuesAsTheLanguageReadsLiterals() {
        assertThat(ParameterValues.parse("4%")).isEqualTo(ParameterValue.percent(4));
        assertThat(ParameterValues.parse("\"3.5%\"")).isEqualTo(ParameterValue.percent(3.5));
        assertThat(ParameterValues.parse("5m")).isEqualTo(ParameterValue.durationMillis(300_000));
        assertThat(ParameterValues.parse("500_000")).isEqualTo(ParameterValue.number(500_000));
        assertThat(ParameterValues.parse("-2.5")).isEqualTo(ParameterValue.number(-2.5));
        assertThat(ParameterValues.parse("true")).isEqualTo(ParameterValue.bool(true));
        assertThat(ParameterValues.parse("market")).isEqualTo(ParameterValue.string("market"));
    }
}
