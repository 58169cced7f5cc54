package dev.stratc.cli.lsp;

import java.util.Locale;

import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.Member;
import dev.stratc.indicators.catalog.Param;

/** Markdown for hovers and completion items, written from the function registry only. */
final class FunctionDocs {
    private FunctionDocs() {
    }

    static String function(FunctionSpec function) {
        StringBuilder text = new StringBuilder()
                .append(codeBlock(function.signature()))
                .append(function.summary()).append("\n\n");
        if (!function.params().isEmpty()) {
            text.append("**Parameters**\n\n");
            for (Param param : function.params()) {
                text.append("- ").append(paramLine(param)).append('\n');
            }
            text.append('\n');
        }
        if (!function.members().isEmpty()) {
            text.append("**Members**\n\n");
            for (Member member : function.members()) {
                text.append("- ").append(memberLine(function, member)).append('\n');
            }
            text.append('\n');
        }
        text.append("Example: `").append(function.example()).append("`\n\n")
                .append("*").append(function.category().title()).append("*");
        return text.toString();
    }

    static String param(FunctionSpec function, Param param) {
        return codeBlock(function.signature()) + paramLine(param);
    }

    static String member(FunctionSpec function, Member member) {
        return codeBlock(function.name() + "(…)." + member.name() + " -> " + kind(member.kind().name()))
                + member.doc();
    }

    private static String paramLine(Param param) {
        String line = "`" + param.name() + "` (" + kind(param.kind().name()) + ") — " + param.doc();
        return param.required() ? line : line + " Default: `" + param.defaultValue() + "`.";
    }

    private static String memberLine(FunctionSpec function, Member member) {
        return "`." + member.name() + "` — " + member.doc()
                + " (`" + function.name() + "(…)." + member.name() + "`)";
    }

    private static String kind(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }

    private static String codeBlock(String code) {
        return "```strat\n" + code + "\n```\n";
    }
}
