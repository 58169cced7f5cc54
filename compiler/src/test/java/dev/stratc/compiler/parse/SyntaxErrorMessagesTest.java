package dev.stratc.compiler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.diagnostics.Diagnostic;

/**
 * The syntax errors traders make most, each with the exact message they get: what was expected, in words, at the
 * place to fix. One message per mistake, not a cascade.
 */
class SyntaxErrorMessagesTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                row("a comparison without its right side",
                        "  entry {\n    when (close > ) {\n      buy()\n    }\n  }",
                        "3:19: S001: expected an expression, found ')'"),
                row("a missing closing parenthesis",
                        "  entry {\n    when (close > open {\n      buy()\n    }\n  }",
                        "3:24: S001: expected ')', found '{'"),
                row("a condition without parentheses",
                        "  entry {\n    when close > open {\n      buy()\n    }\n  }",
                        "3:10: S001: expected '(', found 'close'"),
                row("a block without braces",
                        "  entry {\n    when (close > open) buy()\n  }",
                        "3:25: S001: expected '{', found 'buy'"),
                row("a missing comma between arguments",
                        "  entry {\n    when (close > open) {\n      buy(quantity: 10 type: \"market\")\n    }\n  }",
                        "4:24: S001: expected ')' or ',', found 'type'"),
                row("a parameter without '='",
                        "  parameters {\n    fast 10\n  }",
                        "3:10: S001: expected '=', found '10'"),
                row("an assignment instead of let",
                        "  entry {\n    level = close * 2\n  }",
                        "3:11: S001: expected '(' or ':=', found '='"),
                row("a single '=' in a comparison",
                        "  entry {\n    when (close = open) {\n      buy()\n    }\n  }",
                        "3:17: S001: expected ')', found '='"),
                row("an unterminated string",
                        "  scan {\n    when (close > open) {\n      signal(\"UP)\n    }\n  }",
                        "4:14: S002: unterminated string"),
                row("a semicolon at the end of a line",
                        "  entry {\n    when (close > open) {\n      buy();\n    }\n  }",
                        "4:12: S003: unexpected character ';'"),
                row("a unit that does not exist",
                        "  exit {\n    when (time_since_entry > 2hours) {\n      sell()\n    }\n  }",
                        "3:30: S004: '2hours' is not a number, a percent or a duration"),
                row("a block that is not a block",
                        "  rules {\n  }",
                        "2:3: S001: expected a block (parameters, scan, entry, exit), 'let', 'var', 'fn' or '}', found 'rules'"),
                row("a missing closing brace",
                        "  entry {\n    when (close > open) {\n      buy()\n    }\n",
                        "7:2: S001: expected a block (parameters, scan, entry, exit), 'let', 'var', 'fn' or '}' before the end of the file"));
    }

    private static Arguments row(String mistake, String body, String message) {
        return Arguments.of(mistake, "strategy(\"Mistake\") {\n" + body + "\n}\n", "mistake.strat:" + message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void saysWhatWasExpectedWhereItGoes(String mistake, String source, String message) {
        assertThat(StratCompiler.standard().analyze(source, "mistake.strat").diagnostics())
                .extracting(Diagnostic::raw)
                .containsExactly(message);
    }
}
