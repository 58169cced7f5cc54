package dev.stratc.indicators.library;

import java.util.ArrayList;
import java.util.List;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.Implementation;
import dev.stratc.indicators.catalog.Member;
import dev.stratc.indicators.catalog.Param;
import dev.stratc.indicators.catalog.ParamKind;
import dev.stratc.indicators.catalog.ValueKind;

/**
 * A terse builder for the declarations: implementations are named by class literal, so a renamed class cannot
 * leave a stale name in the catalogue.
 */
final class Fn {
    private final String name;
    private final Category category;
    private final List<Param> params = new ArrayList<>();
    private final List<BarField> barInputs = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private ValueKind returns = ValueKind.NUMBER;
    private Implementation implementation;

    private Fn(String name, Category category) {
        this.name = name;
        this.category = category;
    }

    static Fn fn(String name, Category category) {
        return new Fn(name, category);
    }

    /** The usual first parameter: the series the indicator reads, close by default. */
    Fn source() {
        return series("source", "close", "The series to read.");
    }

    Fn series(String paramName, String defaultValue, String doc) {
        return param(paramName, ParamKind.SERIES, defaultValue, doc);
    }

    Fn condition(String paramName, String doc) {
        return param(paramName, ParamKind.CONDITION, null, doc);
    }

    Fn length(String paramName, String defaultValue, String doc) {
        return param(paramName, ParamKind.LENGTH, defaultValue, doc);
    }

    Fn number(String paramName, String defaultValue, String doc) {
        return param(paramName, ParamKind.NUMBER, defaultValue, doc);
    }

    Fn string(String paramName, String defaultValue, String doc) {
        return param(paramName, ParamKind.STRING, defaultValue, doc);
    }

    private Fn param(String paramName, ParamKind kind, String defaultValue, String doc) {
        params.add(new Param(paramName, kind, defaultValue, doc));
        return this;
    }

    Fn reads(BarField... fields) {
        barInputs.addAll(List.of(fields));
        return this;
    }

    Fn returns(ValueKind kind) {
        returns = kind;
        return this;
    }

    Fn member(String memberName, String accessor, String doc) {
        members.add(new Member(memberName, ValueKind.NUMBER, accessor, doc));
        return this;
    }

    Fn streaming(Class<?> implementationClass) {
        implementation = new Implementation.Streaming(implementationClass.getName());
        return this;
    }

    Fn pure(Class<?> implementationClass, String method) {
        implementation = new Implementation.Pure(implementationClass.getName(), method);
        return this;
    }

    Fn ta4jBridge(Class<?> bridgeClass) {
        implementation = new Implementation.Ta4jBridge(bridgeClass.getName());
        return this;
    }

    FunctionSpec doc(String summary, String example) {
        return new FunctionSpec(name, category, params, returns, barInputs, members, implementation, summary,
                example);
    }
}
