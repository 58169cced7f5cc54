package dev.stratc.indicators.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the compiler, the editor and the documentation know about one function of the catalogue.
 *
 * @param name           the name used in .strat ({@code rsi})
 * @param category       its section of the catalogue
 * @param params         declared parameters, in positional order
 * @param returns        the kind of its primary value
 * @param barInputs      bar fields the implementation reads implicitly
 * @param members        outputs of a multi-output indicator; empty for single-output functions
 * @param implementation how generated code computes it
 * @param summary        what it computes, for traders, in a sentence or two
 * @param example        a .strat expression using it, e.g. {@code rsi(14) < 30}
 */
public record FunctionSpec(
        String name,
        Category category,
        List<Param> params,
        ValueKind returns,
        List<BarField> barInputs,
        List<Member> members,
        Implementation implementation,
        String summary,
        String example) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        params = List.copyOf(params);
        Objects.requireNonNull(returns, "returns");
        barInputs = List.copyOf(barInputs);
        members = List.copyOf(members);
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(example, "example");
    }

    public Optional<Param> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    public Optional<Member> member(String memberName) {
        return members.stream().filter(m -> m.name().equals(memberName)).findFirst();
    }

    /** The signature as users read it: {@code rsi(source = close, length = 14) -> number}. */
    public String signature() {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            Param param = params.get(i);
            if (i > 0) {
                text.append(", ");
            }
            text.append(param.name());
            if (!param.required()) {
                text.append(" = ").append(param.defaultValue());
            }
        }
        return text.append(") -> ").append(returns.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }
}
