package dev.stratc.cli.lsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Parameter;
import dev.stratc.compiler.ast.SourceSpan;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.ast.StrategyFile;

/**
 * The names a strategy declares, parameters, {@code let}s, {@code var}s, functions and their parameters, with where
 * they are written and visible.
 */
final class Declarations {

    enum Kind { PARAMETER, LET, VAR, FUNCTION, FUNCTION_PARAMETER }

    /**
     * @param nameSpan where the name is written
     * @param span     the whole declaration ({@code fast = 10 in 5..30})
     * @param scope    the block a {@code let} is visible in; {@code null} for strategy-level names
     */
    record Declaration(String name, Kind kind, SourceSpan nameSpan, SourceSpan span, SourceSpan scope) {
        boolean visibleAt(int codePointOffset) {
            return scope == null || (scope.start() <= codePointOffset && codePointOffset <= scope.end());
        }

        int scopeSize() {
            return scope == null ? Integer.MAX_VALUE : scope.end() - scope.start();
        }
    }

    private final List<Declaration> all;

    private Declarations(List<Declaration> all) {
        this.all = List.copyOf(all);
    }

    static Declarations of(StrategyFile tree) {
        List<Declaration> found = new ArrayList<>();
        if (tree != null) {
            for (Member member : tree.members()) {
                switch (member) {
                    case Member.ParametersBlock block -> {
                        for (Parameter parameter : block.parameters()) {
                            found.add(new Declaration(parameter.name(), Kind.PARAMETER, parameter.nameSpan(),
                                    parameter.span(), null));
                        }
                    }
                    case Member.RuleBlock block -> collectLets(block.statements(), block.span(), found);
                    case Statement.Let let -> found.add(new Declaration(let.name(), Kind.LET, let.nameSpan(),
                            let.span(), null));
                    case Member.Var variable -> found.add(new Declaration(variable.name(), Kind.VAR,
                            variable.nameSpan(), variable.span(), null));
                    case Member.Function function -> {
                        found.add(new Declaration(function.name(), Kind.FUNCTION, function.nameSpan(), function.span(),
                                null));
                        for (Member.FunctionParameter parameter : function.parameters()) {
                            found.add(new Declaration(parameter.name(), Kind.FUNCTION_PARAMETER, parameter.span(),
                                    parameter.span(), function.span()));
                        }
                        for (Statement.Let let : function.lets()) {
                            found.add(new Declaration(let.name(), Kind.LET, let.nameSpan(), let.span(),
                                    function.span()));
                        }
                    }
                }
            }
        }
        return new Declarations(found);
    }

    private static void collectLets(List<Statement> statements, SourceSpan scope, List<Declaration> found) {
        for (Statement statement : statements) {
            switch (statement) {
                case Statement.Let let -> found.add(new Declaration(let.name(), Kind.LET, let.nameSpan(),
                        let.span(), scope));
                case Statement.When when -> collectLets(when.body(), when.span(), found);
                case Statement.OnSignal on -> collectLets(on.body(), on.span(), found);
                case Statement.If branch -> {
                    collectLets(branch.body(), branch.span(), found);
                    collectLets(branch.elseBranch(), branch.span(), found);
                }
                case Statement.Action action -> {
                }
                case Statement.Assign assign -> {
                }
            }
        }
    }

    List<Declaration> all() {
        return all;
    }

    /** The declaration a name at this position refers to: the innermost visible one. */
    Optional<Declaration> resolve(String name, int codePointOffset) {
        return all.stream()
                .filter(declaration -> declaration.name().equals(name) && declaration.visibleAt(codePointOffset))
                .min(Comparator.comparingInt(Declaration::scopeSize));
    }

    /** Every declaration visible at this position, the innermost first for each name. */
    List<Declaration> visibleAt(int codePointOffset) {
        return all.stream()
                .filter(declaration -> declaration.visibleAt(codePointOffset))
                .sorted(Comparator.comparingInt(Declaration::scopeSize))
                .toList();
    }
}
