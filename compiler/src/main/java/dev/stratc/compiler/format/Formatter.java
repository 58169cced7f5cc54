package dev.stratc.compiler.format;

import java.util.ArrayList;
import java.util.List;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Node;
import dev.stratc.compiler.ast.Parameter;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.ast.StrategyFile;
import dev.stratc.compiler.parse.Comment;
import dev.stratc.compiler.parse.ParsedFile;

/**
 * The one canonical layout of a .strat file ({@code stratc fmt}): two-space indents, one statement per line, a
 * blank line between blocks, long conditions broken before each top-level AND/OR operand, long calls one argument
 * per line. Every comment is kept, next to the code it was next to. Formatting is idempotent.
 */
public final class Formatter {
    private static final int WIDTH = 100;
    private static final String INDENT = "  ";

    private final List<Comment> comments;
    private final String source;
    /** Output lines: the code, and the comment that ends the line or {@code null}. */
    private final List<String[]> out = new ArrayList<>();
    private int nextComment;

    private Formatter(ParsedFile parsed) {
        this.comments = parsed.comments();
        this.source = parsed.source();
    }

    /** The formatted text of a file that parsed without errors. */
    public static String format(ParsedFile parsed) {
        if (parsed.tree() == null) {
            throw new IllegalArgumentException("only a file without syntax errors can be formatted");
        }
        Formatter formatter = new Formatter(parsed);
        formatter.file(parsed.tree());
        return formatter.render();
    }

    /** Consecutive lines with end-of-line comments get their comments aligned, as gofmt does. */
    private String render() {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < out.size()) {
            int end = i;
            int width = 0;
            while (end < out.size() && out.get(end)[1] != null) {
                width = Math.max(width, out.get(end)[0].length());
                end++;
            }
            if (end == i) {
                text.append(out.get(i)[0]).append('\n');
                i++;
                continue;
            }
            for (; i < end; i++) {
                String code = out.get(i)[0];
                text.append(code).append(" ".repeat(width - code.length() + 2)).append(out.get(i)[1]).append('\n');
            }
        }
        return text.toString();
    }

    private void file(StrategyFile file) {
        leadingComments(file.span().start(), 0, false);
        StringBuilder header = new StringBuilder("strategy(").append(quote(file.name()));
        for (StrategyFile.HeaderOption option : file.options()) {
            header.append(", ").append(option.key()).append(": ").append(ExpressionPrinter.print(option.value()));
        }
        line(0, header.append(") {").toString(), file.nameSpan().line(), firstStart(file.members(), file));
        Member previous = null;
        for (Member member : file.members()) {
            // Blocks are set apart by a blank line; consecutive lets stay together unless the source parted them.
            boolean lets = (previous instanceof Statement.Let || previous instanceof Member.Var)
                    && (member instanceof Statement.Let || member instanceof Member.Var);
            if (previous != null && (!lets || blankLineBefore(anchor(member)))) {
                blank();
            }
            previous = member;
            leadingComments(member.span().start(), 1, false);
            member(member);
        }
        leadingComments(file.span().end() - 1, 1, true);
        line(0, "}", file.span().endLine());
        leadingComments(Integer.MAX_VALUE, 0, true);
    }

    /** Where a member's text starts: its first leading comment, or itself. */
    private int anchor(Node node) {
        boolean commented = nextComment < comments.size()
                && comments.get(nextComment).span().start() < node.span().start();
        return commented ? comments.get(nextComment).span().start() : node.span().start();
    }

    private void member(Member member) {
        switch (member) {
            case Member.ParametersBlock block -> {
                line(1, "parameters {", block.span().line(), firstStart(block.parameters(), block));
                for (Parameter parameter : block.parameters()) {
                    leadingComments(parameter.span().start(), 2, true);
                    line(2, parameter(parameter), parameter.span().endLine());
                }
                closeBlock(block, 1);
            }
            case Member.RuleBlock block -> {
                line(1, block.kind().keyword() + " {", block.span().line(), firstStart(block.statements(), block));
                statements(block.statements(), 2);
                closeBlock(block, 1);
            }
            case Statement.Let let -> statement(let, 1);
            case Member.Var variable -> expression(1, "var " + variable.name() + " = ", variable.value(), "", variable);
            case Member.Function function -> function(function);
        }
    }

    private void function(Member.Function function) {
        String head = "fn " + function.name() + function.parameters().stream().map(Member.FunctionParameter::name)
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        if (!function.block()) {
            expression(1, head + " = ", function.result(), "", function);
            return;
        }
        line(1, head + " {", function.nameSpan().line(),
                function.lets().isEmpty() ? function.result().span().start() : function.lets().get(0).span().start());
        for (Statement.Let let : function.lets()) {
            leadingComments(let.span().start(), 2, true);
            statement(let, 2);
        }
        leadingComments(function.result().span().start(), 2, true);
        expression(2, "return ", function.result(), "", function.result());
        closeBlock(function, 1);
    }

    private void closeBlock(Node block, int depth) {
        leadingComments(block.span().end() - 1, depth + 1, true);
        line(depth, "}", block.span().endLine());
    }

    private static String parameter(Parameter parameter) {
        StringBuilder text = new StringBuilder(parameter.name()).append(" = ")
                .append(ExpressionPrinter.print(parameter.value()));
        switch (parameter.space()) {
            case null -> {
            }
            case Parameter.RangeSpace range -> {
                text.append(" in ").append(ExpressionPrinter.print(range.from())).append("..")
                        .append(ExpressionPrinter.print(range.to()));
                if (range.step() != null) {
                    text.append(" step ").append(ExpressionPrinter.print(range.step()));
                }
            }
            case Parameter.ListSpace list -> text.append(" in ").append(list.values().stream()
                    .map(ExpressionPrinter::print).collect(java.util.stream.Collectors.joining(", ", "[", "]")));
        }
        return text.toString();
    }

    private void statements(List<Statement> statements, int depth) {
        for (Statement statement : statements) {
            leadingComments(statement.span().start(), depth, true);
            statement(statement, depth);
        }
    }

    private void statement(Statement statement, int depth) {
        switch (statement) {
            case Statement.Let let -> expression(depth, "let " + let.name() + " = ", let.value(), "", let);
            case Statement.When when -> {
                condition(depth, "when (", when.condition(), when, when.body());
                statements(when.body(), depth + 1);
                closeBlock(when, depth);
            }
            case Statement.If branch -> ifStatement(depth, "if (", branch);
            case Statement.Assign assign -> expression(depth, assign.name() + " := ", assign.value(), "", assign);
            case Statement.OnSignal on -> {
                line(depth, "on signal(" + quote(on.signal()) + ") {", on.signalSpan().line(), firstStart(on.body(), on));
                statements(on.body(), depth + 1);
                closeBlock(on, depth);
            }
            case Statement.Action action -> expression(depth, "", action.call(), "", action);
        }
    }

    /** An if and its else branches: {@code } else if (…) {} and {@code } else {} on the closing line. */
    private void ifStatement(int depth, String opening, Statement.If branch) {
        condition(depth, opening, branch.condition(), branch, branch.body());
        statements(branch.body(), depth + 1);
        if (branch.elseSpan() == null) {
            closeBlock(branch, depth);
            return;
        }
        leadingComments(branch.elseSpan().start(), depth + 1, true);
        if (branch.elseIf() != null) {
            ifStatement(depth, "} else if (", branch.elseIf());
            return;
        }
        line(depth, "} else {", branch.elseSpan().line(), firstStart(branch.otherwise(), branch));
        statements(branch.otherwise(), depth + 1);
        closeBlock(branch, depth);
    }

    /** {@code when (…) {}: on one line when it fits and holds no comment, else one operand per line. */
    private void condition(int depth, String opening, Expression condition, Node when, List<Statement> body) {
        String flat = opening + ExpressionPrinter.print(condition) + ") {";
        if (fits(depth, flat) && !hasComment(condition)) {
            line(depth, flat, condition.span().endLine(), firstStart(body, when));
            return;
        }
        line(depth, opening, when.span().line(), condition.span().start());
        List<Expression> operands = new ArrayList<>();
        Expression.BinaryOperator operator = chain(condition, operands);
        for (int i = 0; i < operands.size(); i++) {
            Expression operand = operands.get(i);
            leadingComments(operand.span().start(), depth + 1, true);
            String text = operator == null || precedenceOf(operand) > operator.precedence()
                    ? ExpressionPrinter.print(operand) : "(" + ExpressionPrinter.print(operand) + ")";
            String suffix = i < operands.size() - 1 ? " " + operator.name() : "";
            line(depth + 1, text + suffix, operand.span().endLine());
        }
        line(depth, ") {", -1);
    }

    private static int precedenceOf(Expression expression) {
        return ExpressionPrinter.precedence(expression);
    }

    /** Flattens {@code a AND b AND c} into its operands; returns the operator, or {@code null} for no chain. */
    private static Expression.BinaryOperator chain(Expression expression, List<Expression> operands) {
        if (expression instanceof Expression.Binary binary && binary.operator().isLogical()) {
            collect(binary, binary.operator(), operands);
            return binary.operator();
        }
        operands.add(expression);
        return null;
    }

    private static void collect(Expression expression, Expression.BinaryOperator operator, List<Expression> operands) {
        if (expression instanceof Expression.Binary binary && binary.operator() == operator) {
            collect(binary.left(), operator, operands);
            collect(binary.right(), operator, operands);
        } else {
            operands.add(expression);
        }
    }

    /** A statement whose expression may be a call to break one argument per line. */
    private void expression(int depth, String prefix, Expression expression, String suffix, Node node) {
        String flat = prefix + ExpressionPrinter.print(expression) + suffix;
        boolean hasMap = expression instanceof Expression.Call call
                && call.arguments().stream().anyMatch(a -> a.value() instanceof Expression.MapLiteral m && m.entries().size() > 1);
        if ((fits(depth, flat) && !hasComment(expression) && !hasMap) || !(expression instanceof Expression.Call call)) {
            line(depth, flat, node.span().endLine());
            return;
        }
        List<Expression.Argument> arguments = call.arguments();
        Expression.Argument last = arguments.isEmpty() ? null : arguments.get(arguments.size() - 1);
        boolean hugMap = last != null && last.value() instanceof Expression.MapLiteral
                && arguments.subList(0, arguments.size() - 1).stream().noneMatch(a -> hasComment(a.value()))
                && fits(depth, prefix + call.callee() + "(" + arguments.subList(0, arguments.size() - 1).stream()
                        .map(ExpressionPrinter::argument).map(a -> a + ", ").reduce("", String::concat) + "{");
        if (hugMap) {
            StringBuilder head = new StringBuilder(prefix).append(call.callee()).append('(');
            for (Expression.Argument argument : arguments.subList(0, arguments.size() - 1)) {
                head.append(ExpressionPrinter.argument(argument)).append(", ");
            }
            if (last.name() != null) {
                head.append(last.name()).append(": ");
            }
            List<Expression.MapEntry> mapEntries = ((Expression.MapLiteral) last.value()).entries();
            line(depth, head.append('{').toString(), last.value().span().line(),
                    mapEntries.isEmpty() ? last.value().span().end() : mapEntries.get(0).span().start());
            entries(((Expression.MapLiteral) last.value()).entries(), depth + 1);
            leadingComments(last.value().span().end() - 1, depth + 1, true);
            line(depth, "})" + suffix, node.span().endLine());
            return;
        }
        line(depth, prefix + call.callee() + "(", call.calleeSpan().line(),
                arguments.isEmpty() ? call.span().end() : arguments.get(0).span().start());
        for (int i = 0; i < arguments.size(); i++) {
            Expression.Argument argument = arguments.get(i);
            leadingComments(argument.span().start(), depth + 1, true);
            String comma = i < arguments.size() - 1 ? "," : "";
            if (argument.value() instanceof Expression.MapLiteral map && map.entries().size() > 1) {
                line(depth + 1, (argument.name() == null ? "" : argument.name() + ": ") + "{", map.span().line(),
                        map.entries().get(0).span().start());
                entries(map.entries(), depth + 2);
                leadingComments(map.span().end() - 1, depth + 2, true);
                line(depth + 1, "}" + comma, map.span().endLine());
            } else {
                line(depth + 1, ExpressionPrinter.argument(argument) + comma, argument.span().endLine());
            }
        }
        leadingComments(call.span().end() - 1, depth + 1, true);
        line(depth, ")" + suffix, node.span().endLine());
    }

    private void entries(List<Expression.MapEntry> entries, int depth) {
        for (int i = 0; i < entries.size(); i++) {
            Expression.MapEntry entry = entries.get(i);
            leadingComments(entry.span().start(), depth, true);
            line(depth, ExpressionPrinter.entry(entry) + (i < entries.size() - 1 ? "," : ""), entry.span().endLine());
        }
    }

    private boolean hasComment(Expression expression) {
        for (int i = nextComment; i < comments.size(); i++) {
            int start = comments.get(i).span().start();
            if (start > expression.span().start() && start < expression.span().end()) {
                return true;
            }
            if (start >= expression.span().end()) {
                return false;
            }
        }
        return false;
    }

    private static int firstStart(List<? extends Node> items, Node parent) {
        return items.isEmpty() ? parent.span().end() : items.get(0).span().start();
    }

    private static boolean fits(int depth, String text) {
        return depth * INDENT.length() + text.length() <= WIDTH;
    }

    /**
     * Writes the comments that come before {@code offset} on lines of their own, keeping one blank line where
     * the source had at least one.
     */
    private void leadingComments(int offset, int depth, boolean keepBlankLines) {
        while (nextComment < comments.size() && comments.get(nextComment).span().start() < offset) {
            Comment comment = comments.get(nextComment++);
            if (keepBlankLines && blankLineBefore(comment.span().start()) && !out.isEmpty()
                    && !endsWithOpenLine()) {
                blank();
            }
            out.add(new String[] {INDENT.repeat(depth) + comment.text().stripTrailing(), null});
        }
    }

    private boolean endsWithOpenLine() {
        String last = out.get(out.size() - 1)[0];
        return out.get(out.size() - 1)[1] == null && (last.endsWith("{") || last.endsWith("(") || last.isEmpty());
    }

    private void blank() {
        out.add(new String[] {"", null});
    }

    private boolean blankLineBefore(int offset) {
        int newlines = 0;
        for (int i = offset - 1; i >= 0 && Character.isWhitespace(source.charAt(i)); i--) {
            if (source.charAt(i) == '\n') {
                newlines++;
            }
        }
        return newlines >= 2;
    }

    private void line(int depth, String text, int sourceLine) {
        line(depth, text, sourceLine, Integer.MAX_VALUE);
    }

    /**
     * One output line. A comment that ends the same source line is kept at its end, unless it comes after
     * {@code before}, where the next item starts: then it belongs to that item.
     */
    private void line(int depth, String text, int sourceLine, int before) {
        String trailing = null;
        while (sourceLine > 0 && nextComment < comments.size()
                && comments.get(nextComment).span().start() < before
                && comments.get(nextComment).span().line() == sourceLine
                && comments.get(nextComment).span().endLine() == sourceLine
                && isAfterCode(comments.get(nextComment))) {
            String comment = comments.get(nextComment++).text().stripTrailing();
            trailing = trailing == null ? comment : trailing + " " + comment;
        }
        out.add(new String[] {INDENT.repeat(depth) + text, trailing});
    }

    private boolean isAfterCode(Comment comment) {
        int lineStart = source.lastIndexOf('\n', comment.span().start() - 1) + 1;
        return !source.substring(lineStart, comment.span().start()).isBlank();
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
