package dev.stratc.indicators.docs;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.Member;
import dev.stratc.indicators.catalog.Param;
import dev.stratc.indicators.catalog.ParamKind;

/**
 * The function reference rendered from the registry: docs/functions.md (Markdown) and the text of
 * {@code stratc functions}. Both come from here so that they cannot disagree with each other or with the
 * catalogue.
 */
public final class FunctionReference {
    /** How to bring docs/functions.md up to date; the staleness test prints it. */
    public static final String REGENERATE = "./stratc functions --markdown > docs/functions.md";

    private FunctionReference() {
    }

    /** The whole reference as Markdown (docs/functions.md). */
    public static String markdown(FunctionRegistry registry) {
        StringBuilder md = new StringBuilder();
        md.append("# Function reference\n\n")
                .append("<!-- Generated from the function registry (stdlib-indicators). Do not edit: run\n")
                .append("     ").append(REGENERATE).append("\n")
                .append("     A test fails when this file and the registry disagree. -->\n\n")
                .append("Every function a `.strat` strategy can call, ").append(registry.all().size())
                .append(" in all. The same text is shown by `stratc functions NAME`.\n\n")
                .append("Conventions:\n\n")
                .append("- Indicators are evaluated on every bar, per symbol. `na` means \"not enough data\"; each ")
                .append("function says when it is `na`. Arithmetic on `na` gives `na` and a comparison with `na` ")
                .append("is false.\n")
                .append("- Arguments are positional or named: `rsi(14)`, `rsi(close, 14)`, ")
                .append("`rsi(source: hl2, length: 14)`. A `source` is any series expression, `close` by default.\n")
                .append("- A *bars* parameter takes a whole number of bars or a duration (`5m`), converted to bars ")
                .append("with the strategy's timeframe.\n")
                .append("- Multi-output indicators expose members: `macd(12, 26, 9).signal`.\n")
                .append("- Functions that read the bar (high, low, volume...) say so under *Reads*.\n")
                .append("- Values match ta4j 0.22.2 to 1e-9 where ta4j has the indicator; the verification tests ")
                .append("compare them on real market data.\n\n");
        for (Category category : Category.values()) {
            List<FunctionSpec> specs = inCategory(registry, category);
            if (!specs.isEmpty()) {
                md.append("- [").append(category.title()).append("](#").append(anchor(category.title())).append("): ")
                        .append(specs.stream().map(s -> "`" + s.name() + "`").collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        for (Category category : Category.values()) {
            List<FunctionSpec> specs = inCategory(registry, category);
            if (specs.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(category.title()).append('\n');
            for (FunctionSpec spec : specs) {
                md.append("\n### ").append(spec.name()).append("\n\n");
                md.append("`").append(spec.signature()).append("`\n\n");
                md.append(spec.summary()).append("\n\n");
                if (!spec.params().isEmpty()) {
                    md.append("| parameter | kind | default | meaning |\n|---|---|---|---|\n");
                    for (Param param : spec.params()) {
                        md.append("| `").append(param.name()).append("` | ").append(kind(param.kind())).append(" | ")
                                .append(param.required() ? "required" : "`" + param.defaultValue() + "`")
                                .append(" | ").append(param.doc()).append(" |\n");
                    }
                    md.append('\n');
                }
                if (!spec.members().isEmpty()) {
                    md.append("| member | meaning |\n|---|---|\n");
                    for (Member member : spec.members()) {
                        md.append("| `.").append(member.name()).append("` | ").append(member.doc()).append(" |\n");
                    }
                    md.append('\n');
                }
                if (!spec.barInputs().isEmpty()) {
                    md.append("Reads: ").append(reads(spec)).append(".\n\n");
                }
                md.append("```\n").append(spec.example()).append("\n```\n");
            }
        }
        return md.toString();
    }

    /** One line per function, by category: what {@code stratc functions} prints. */
    public static String overview(FunctionRegistry registry) {
        StringBuilder text = new StringBuilder();
        int width = registry.all().stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (Category category : Category.values()) {
            List<FunctionSpec> specs = inCategory(registry, category);
            if (specs.isEmpty()) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\n").append(category.title()).append('\n');
            for (FunctionSpec spec : specs) {
                text.append("  ").append(String.format(Locale.ROOT, "%-" + width + "s", spec.name())).append("  ")
                        .append(firstSentence(spec.summary())).append('\n');
            }
        }
        return text.append("\nRun 'stratc functions NAME' for the parameters, members and an example.\n").toString();
    }

    /** Everything about one function, as plain text. */
    public static String detail(FunctionSpec spec) {
        StringBuilder text = new StringBuilder(spec.signature()).append("\n\n").append(spec.summary()).append('\n');
        if (!spec.params().isEmpty()) {
            text.append("\nParameters:\n");
            int width = spec.params().stream().mapToInt(p -> p.name().length()).max().orElse(0);
            for (Param param : spec.params()) {
                text.append("  ").append(String.format(Locale.ROOT, "%-" + width + "s", param.name())).append("  ")
                        .append(kind(param.kind()))
                        .append(param.required() ? ", required" : ", default " + param.defaultValue())
                        .append(". ").append(param.doc()).append('\n');
            }
        }
        if (!spec.members().isEmpty()) {
            text.append("\nMembers:\n");
            for (Member member : spec.members()) {
                text.append("  .").append(member.name()).append("  ").append(member.doc()).append('\n');
            }
        }
        if (!spec.barInputs().isEmpty()) {
            text.append("\nReads: ").append(reads(spec)).append('\n');
        }
        return text.append("\nExample:\n  ").append(spec.example()).append('\n').toString();
    }

    private static List<FunctionSpec> inCategory(FunctionRegistry registry, Category category) {
        return registry.all().stream().filter(s -> s.category() == category).toList();
    }

    private static String kind(ParamKind kind) {
        return switch (kind) {
            case SERIES -> "series";
            case CONDITION -> "condition";
            case LENGTH -> "bars";
            case NUMBER -> "number";
            case STRING -> "text";
        };
    }

    private static String reads(FunctionSpec spec) {
        return spec.barInputs().stream().map(FunctionReference::fieldName).collect(Collectors.joining(", "));
    }

    private static String fieldName(BarField field) {
        return switch (field) {
            case BUY_VOLUME -> "buy volume";
            case SELL_VOLUME -> "sell volume";
            default -> field.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String firstSentence(String summary) {
        int end = summary.indexOf(". ");
        return end < 0 ? summary : summary.substring(0, end + 1);
    }

    private static String anchor(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
