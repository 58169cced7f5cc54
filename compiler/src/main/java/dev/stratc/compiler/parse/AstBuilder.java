package dev.stratc.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Expression.BinaryOperator;
import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Parameter;
import dev.stratc.compiler.ast.SourceSpan;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.ast.StrategyFile;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.grammar.StratBaseVisitor;
import dev.stratc.grammar.StratParser;

/**
 * The only place where ANTLR's parse tree becomes the compiler's tree. After a syntax error the parse tree may
 * have holes; they become {@link Expression.Invalid} nodes, which the later passes skip without a word.
 */
final class AstBuilder extends StratBaseVisitor<Object> {
    private final String file;
    private final DiagnosticReporter reporter;

    AstBuilder(String file, DiagnosticReporter reporter) {
        this.file = file;
        this.reporter = reporter;
    }

    StrategyFile strategy(StratParser.StrategyContext ctx) {
        List<StrategyFile.HeaderOption> options = new ArrayList<>();
        for (StratParser.HeaderOptionContext option : ctx.options) {
            if (option.key != null) {
                options.add(new StrategyFile.HeaderOption(option.key.getText(), span(option.key),
                        expression(option.value), span(option)));
            }
        }
        List<Member> members = new ArrayList<>();
        for (StratParser.StrategyMemberContext member : ctx.members) {
            Member built = (Member) member.accept(this);
            if (built != null) {
                members.add(built);
            }
        }
        String name = ctx.name == null || ctx.name.getTokenIndex() < 0 ? "" : unquote(ctx.name.getText());
        SourceSpan nameSpan = ctx.name == null ? span(ctx) : span(ctx.name);
        return new StrategyFile(name, nameSpan, options, members, span(ctx));
    }

    Expression standalone(StratParser.StandaloneExpressionContext ctx) {
        return expression(ctx.expression());
    }

    @Override
    public Member visitParametersBlock(StratParser.ParametersBlockContext ctx) {
        List<Parameter> parameters = new ArrayList<>();
        for (StratParser.ParameterContext parameter : ctx.parameters) {
            if (parameter.name != null && !missing(parameter.name.getStart())) {
                parameters.add(new Parameter(parameter.name.getText(), span(parameter.name),
                        expression(parameter.value), searchSpace(parameter.space), span(parameter)));
            }
        }
        return new Member.ParametersBlock(parameters, span(ctx));
    }

    private Parameter.SearchSpace searchSpace(StratParser.SearchSpaceContext ctx) {
        if (ctx instanceof StratParser.RangeSpaceContext range) {
            return new Parameter.RangeSpace(expression(range.from), expression(range.to),
                    range.step == null ? null : expression(range.step), span(range));
        }
        if (ctx instanceof StratParser.ListSpaceContext list) {
            return new Parameter.ListSpace(list.values.stream().map(this::expression).toList(), span(list));
        }
        return null;
    }

    @Override
    public Member visitRuleBlock(StratParser.RuleBlockContext ctx) {
        Member.BlockKind kind = Member.BlockKind.valueOf(ctx.kind.getText().toUpperCase(Locale.ROOT));
        return new Member.RuleBlock(kind, statements(ctx.statements), span(ctx));
    }

    @Override
    public Member visitLetMember(StratParser.LetMemberContext ctx) {
        return let(ctx.letDeclaration());
    }

    @Override
    public Member visitVarMember(StratParser.VarMemberContext ctx) {
        if (ctx.name == null || missing(ctx.name.getStart())) {
            return null;
        }
        return new Member.Var(ctx.name.getText(), span(ctx.name), expression(ctx.value), span(ctx));
    }

    @Override
    public Member visitFunctionMember(StratParser.FunctionMemberContext ctx) {
        if (ctx.name == null || missing(ctx.name.getStart())) {
            return null;
        }
        List<Member.FunctionParameter> parameters = new ArrayList<>();
        for (StratParser.IdentifierContext parameter : ctx.params) {
            if (!missing(parameter.getStart())) {
                parameters.add(new Member.FunctionParameter(parameter.getText(), span(parameter)));
            }
        }
        List<Statement.Let> lets = new ArrayList<>();
        for (StratParser.LetDeclarationContext let : ctx.lets) {
            Statement.Let built = let(let);
            if (built != null) {
                lets.add(built);
            }
        }
        boolean block = ctx.RETURN() != null;
        return new Member.Function(ctx.name.getText(), span(ctx.name), parameters, lets, expression(ctx.result), block,
                span(ctx));
    }

    private Statement.Let let(StratParser.LetDeclarationContext ctx) {
        if (ctx == null || ctx.name == null || missing(ctx.name.getStart())) {
            return null;
        }
        return new Statement.Let(ctx.name.getText(), span(ctx.name), expression(ctx.value), span(ctx));
    }

    private List<Statement> statements(List<StratParser.StatementContext> contexts) {
        List<Statement> statements = new ArrayList<>();
        for (StratParser.StatementContext context : contexts) {
            Statement statement = (Statement) context.accept(this);
            if (statement != null) {
                statements.add(statement);
            }
        }
        return statements;
    }

    @Override
    public Statement visitWhenStatement(StratParser.WhenStatementContext ctx) {
        return new Statement.When(expression(ctx.condition), block(ctx.body), span(ctx));
    }

    @Override
    public Statement visitIfElseStatement(StratParser.IfElseStatementContext ctx) {
        return ifStatement(ctx.ifStatement());
    }

    private Statement.If ifStatement(StratParser.IfStatementContext ctx) {
        if (ctx == null) {
            return null;
        }
        Statement.If elseIf = ctx.elseIf == null ? null : ifStatement(ctx.elseIf);
        List<Statement> otherwise = ctx.otherwise == null ? null : block(ctx.otherwise);
        SourceSpan elseSpan = ctx.ELSE() == null ? null : span(ctx.ELSE().getSymbol());
        return new Statement.If(expression(ctx.condition), block(ctx.body), elseIf, otherwise, elseSpan, span(ctx));
    }

    @Override
    public Statement visitAssignStatement(StratParser.AssignStatementContext ctx) {
        if (ctx.name == null || missing(ctx.name.getStart())) {
            return null;
        }
        return new Statement.Assign(ctx.name.getText(), span(ctx.name), expression(ctx.value), span(ctx));
    }

    @Override
    public Statement visitOnSignalStatement(StratParser.OnSignalStatementContext ctx) {
        if (ctx.name == null || missing(ctx.name)) {
            return null;
        }
        return new Statement.OnSignal(unquote(ctx.name.getText()), span(ctx.name), block(ctx.body), span(ctx));
    }

    private List<Statement> block(StratParser.BlockContext ctx) {
        return ctx == null ? List.of() : statements(ctx.statements);
    }

    @Override
    public Statement visitLetStatement(StratParser.LetStatementContext ctx) {
        return let(ctx.letDeclaration());
    }

    @Override
    public Statement visitActionStatement(StratParser.ActionStatementContext ctx) {
        Expression.Call call = call(ctx.call());
        return call == null ? null : new Statement.Action(call, span(ctx));
    }

    private Expression.Call call(StratParser.CallContext ctx) {
        if (ctx == null || ctx.callee == null) {
            return null;
        }
        List<Expression.Argument> arguments = new ArrayList<>();
        for (StratParser.ArgumentContext argument : ctx.arguments) {
            String name = argument.name == null ? null : argument.name.getText();
            SourceSpan nameSpan = argument.name == null ? null : span(argument.name);
            arguments.add(new Expression.Argument(name, nameSpan, expression(argument.value), span(argument)));
        }
        return new Expression.Call(ctx.callee.getText(), span(ctx.callee), arguments, span(ctx));
    }

    private Expression expression(StratParser.ExpressionContext ctx) {
        if (ctx == null) {
            return new Expression.Invalid("", SourceSpan.synthetic(file));
        }
        Object built = ctx.accept(this);
        return built instanceof Expression expression ? expression : new Expression.Invalid(ctx.getText(), span(ctx));
    }

    @Override
    public Expression visitHistoryExpression(StratParser.HistoryExpressionContext ctx) {
        return new Expression.History(expression(ctx.subject), expression(ctx.offset), span(ctx));
    }

    @Override
    public Expression visitMemberExpression(StratParser.MemberExpressionContext ctx) {
        if (ctx.member == null || missing(ctx.member.getStart())) {
            return new Expression.Invalid(ctx.getText(), span(ctx));
        }
        return new Expression.MemberAccess(expression(ctx.target), ctx.member.getText(), span(ctx.member), span(ctx));
    }

    @Override
    public Expression visitNegateExpression(StratParser.NegateExpressionContext ctx) {
        return new Expression.Unary(Expression.UnaryOperator.NEGATE, expression(ctx.operand), span(ctx));
    }

    @Override
    public Expression visitNotExpression(StratParser.NotExpressionContext ctx) {
        return new Expression.Unary(Expression.UnaryOperator.NOT, expression(ctx.operand), span(ctx));
    }

    @Override
    public Expression visitMultiplicativeExpression(StratParser.MultiplicativeExpressionContext ctx) {
        return binary(ctx.op, ctx.left, ctx.right, ctx);
    }

    @Override
    public Expression visitAdditiveExpression(StratParser.AdditiveExpressionContext ctx) {
        return binary(ctx.op, ctx.left, ctx.right, ctx);
    }

    @Override
    public Expression visitComparisonExpression(StratParser.ComparisonExpressionContext ctx) {
        return binary(ctx.op, ctx.left, ctx.right, ctx);
    }

    @Override
    public Expression visitAndExpression(StratParser.AndExpressionContext ctx) {
        return new Expression.Binary(BinaryOperator.AND, expression(ctx.left), expression(ctx.right), span(ctx));
    }

    @Override
    public Expression visitOrExpression(StratParser.OrExpressionContext ctx) {
        return new Expression.Binary(BinaryOperator.OR, expression(ctx.left), expression(ctx.right), span(ctx));
    }

    private Expression binary(Token op, StratParser.ExpressionContext left, StratParser.ExpressionContext right,
                              ParserRuleContext ctx) {
        BinaryOperator operator = null;
        for (BinaryOperator candidate : BinaryOperator.values()) {
            if (op != null && candidate.symbol().equals(op.getText())) {
                operator = candidate;
            }
        }
        if (operator == null) {
            return new Expression.Invalid(ctx.getText(), span(ctx));
        }
        return new Expression.Binary(operator, expression(left), expression(right), span(ctx));
    }

    @Override
    public Expression visitConditionalExpression(StratParser.ConditionalExpressionContext ctx) {
        return new Expression.Conditional(expression(ctx.condition), expression(ctx.whenTrue),
                expression(ctx.whenFalse), span(ctx));
    }

    @Override
    public Expression visitTimeframeExpression(StratParser.TimeframeExpressionContext ctx) {
        return new Expression.AtTimeframe(expression(ctx.subject), timeframe(ctx.timeframe), span(ctx));
    }

    private Expression timeframe(StratParser.TimeframeLiteralContext ctx) {
        if (ctx == null || ctx.value == null || missing(ctx.value)) {
            return new Expression.Invalid("", SourceSpan.synthetic(file));
        }
        String text = ctx.value.getText();
        return switch (ctx.value.getType()) {
            case StratParser.DURATION -> {
                Long millis = Literals.durationMillis(text);
                yield new Expression.DurationLiteral(millis == null ? Long.MAX_VALUE : millis, text, span(ctx));
            }
            case StratParser.MALFORMED_NUMBER -> {
                reporter.report(DiagnosticCode.MALFORMED_NUMBER, span(ctx), Literals.unitHint(text), text);
                yield new Expression.Invalid(text, span(ctx));
            }
            case StratParser.STRING -> new Expression.StringLiteral(unquote(text), text, span(ctx));
            case StratParser.IDENTIFIER -> new Expression.Name(text, span(ctx));
            default -> new Expression.NumberLiteral(0, text, span(ctx));
        };
    }

    @Override
    public Expression visitBetweenExpression(StratParser.BetweenExpressionContext ctx) {
        return new Expression.Between(expression(ctx.value), expression(ctx.low), expression(ctx.high), span(ctx));
    }

    @Override
    public Expression visitCallExpression(StratParser.CallExpressionContext ctx) {
        Expression.Call call = call(ctx.call());
        return call == null ? new Expression.Invalid(ctx.getText(), span(ctx)) : call;
    }

    @Override
    public Expression visitNameExpression(StratParser.NameExpressionContext ctx) {
        if (missing(ctx.name.getStart())) {
            return new Expression.Invalid("", span(ctx));
        }
        return new Expression.Name(ctx.name.getText(), span(ctx));
    }

    @Override
    public Expression visitNumberLiteral(StratParser.NumberLiteralContext ctx) {
        String text = ctx.value.getText();
        return new Expression.NumberLiteral(number(text), text, span(ctx));
    }

    @Override
    public Expression visitPercentLiteral(StratParser.PercentLiteralContext ctx) {
        String text = ctx.value.getText();
        return new Expression.PercentLiteral(number(text.substring(0, text.length() - 1)), text, span(ctx));
    }

    @Override
    public Expression visitDurationLiteral(StratParser.DurationLiteralContext ctx) {
        String text = ctx.value.getText();
        Long millis = Literals.durationMillis(text);
        return new Expression.DurationLiteral(millis == null ? Long.MAX_VALUE : millis, text, span(ctx));
    }

    @Override
    public Expression visitMalformedNumber(StratParser.MalformedNumberContext ctx) {
        String text = ctx.value.getText();
        reporter.report(DiagnosticCode.MALFORMED_NUMBER, span(ctx), Literals.unitHint(text), text);
        return new Expression.Invalid(text, span(ctx));
    }

    @Override
    public Expression visitStringLiteral(StratParser.StringLiteralContext ctx) {
        String text = ctx.value.getText();
        return new Expression.StringLiteral(unquote(text), text, span(ctx));
    }

    @Override
    public Expression visitBooleanLiteral(StratParser.BooleanLiteralContext ctx) {
        String text = ctx.value.getText();
        return new Expression.BooleanLiteral("true".equals(text), text, span(ctx));
    }

    @Override
    public Expression visitParenthesized(StratParser.ParenthesizedContext ctx) {
        return expression(ctx.inner);
    }

    @Override
    public Expression visitMapLiteral(StratParser.MapLiteralContext ctx) {
        List<Expression.MapEntry> entries = new ArrayList<>();
        for (StratParser.MapEntryContext entry : ctx.entries) {
            if (entry.key != null && !missing(entry.key.getStart())) {
                entries.add(new Expression.MapEntry(entry.key.getText(), span(entry.key), expression(entry.value),
                        span(entry)));
            } else if (entry.quotedKey != null && !missing(entry.quotedKey)) {
                entries.add(new Expression.MapEntry(unquote(entry.quotedKey.getText()), span(entry.quotedKey),
                        expression(entry.value), span(entry)));
            }
        }
        return new Expression.MapLiteral(entries, span(ctx));
    }

    private static double number(String digits) {
        return Double.parseDouble(digits.replace("_", ""));
    }

    private static boolean missing(Token token) {
        return token == null || token.getTokenIndex() < 0 || token.getStartIndex() < 0;
    }

    static String unquote(String quoted) {
        if (quoted.length() < 2 || !quoted.endsWith("\"")) {
            return quoted;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                char escaped = quoted.charAt(++i);
                text.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> escaped;
                });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < start.getTokenIndex()
                ? start : ctx.getStop();
        return between(start, stop);
    }

    private SourceSpan span(Token token) {
        return between(token, token);
    }

    private SourceSpan between(Token start, Token stop) {
        int startOffset = Math.max(0, start.getStartIndex());
        int endOffset = Math.max(startOffset, stop.getStopIndex() + 1);
        int stopLength = Math.max(0, stop.getStopIndex() - stop.getStartIndex() + 1);
        int endColumn = stop.getCharPositionInLine() + 1 + stopLength;
        return new SourceSpan(file, start.getLine(), start.getCharPositionInLine() + 1, stop.getLine(), endColumn,
                startOffset, endOffset);
    }
}
