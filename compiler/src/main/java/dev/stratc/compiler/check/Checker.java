package dev.stratc.compiler.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Member.BlockKind;
import dev.stratc.compiler.ast.Parameter;
import dev.stratc.compiler.ast.SourceSpan;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.ast.StrategyFile;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.strategy.ParameterInfo;
import dev.stratc.strategy.ParameterValue;

/**
 * The semantic pass: header, parameters, blocks and statements, with the expression checks delegated to
 * {@link ExpressionChecker}. It reports every problem it finds and never stops at the first.
 */
public final class Checker {
    private static final List<String> HEADER_OPTIONS = List.of("timeframe", "warmup", "allow_short",
            "pyramiding");

    private final DiagnosticReporter reporter;
    private final FunctionRegistry registry;
    private final CheckedStrategy checked;
    private final Map<String, ParameterSymbol> parameters = new LinkedHashMap<>();
    private final List<Statement.Let> lets = new ArrayList<>();
    private final Map<String, VarSymbol> vars = new LinkedHashMap<>();
    private final ExpressionChecker expressions;
    private final FunctionInliner functions;
    private final StateChecks state;
    private final OrderChecks orders;

    private Checker(StrategyFile tree, FunctionRegistry registry, DiagnosticReporter reporter) {
        this.reporter = reporter;
        this.registry = registry;
        this.checked = new CheckedStrategy(tree);
        this.functions = new FunctionInliner(checked, reporter);
        this.expressions = new ExpressionChecker(checked, reporter, registry, parameters, vars, functions);
        this.state = new StateChecks(checked, reporter, expressions, vars);
        this.orders = new OrderChecks(checked, reporter);
    }

    public static CheckedStrategy check(StrategyFile tree, FunctionRegistry registry, DiagnosticReporter reporter) {
        Checker checker = new Checker(tree, registry, reporter);
        checker.run();
        return checker.checked;
    }

    private void run() {
        StrategyFile tree = checked.tree;
        if (tree.name().isBlank()) {
            reporter.report(DiagnosticCode.INVALID_OPTION, tree.nameSpan(), "write strategy(\"MyStrategy\") { … }",
                    "the strategy needs a name");
        }
        checked.header = header(tree.options());
        Map<Object, Member> seenBlocks = new HashMap<>();
        Map<BlockKind, Member.RuleBlock> blocks = new EnumMap<>(BlockKind.class);
        Scope root = Scope.root();
        for (Member member : tree.members()) {
            Object key = member instanceof Member.RuleBlock rule ? rule.kind()
                    : member instanceof Member.ParametersBlock ? "parameters" : member;
            Member previous = seenBlocks.putIfAbsent(key, member);
            if (previous != null && !(member instanceof Statement.Let)) {
                String name = key instanceof BlockKind kind ? kind.keyword() : "parameters";
                reporter.report(DiagnosticCode.DUPLICATE_BLOCK, keywordSpan(member.span(), name),
                        "merge it with the one at line " + previous.span().line(), name);
                continue;
            }
            switch (member) {
                case Member.ParametersBlock block -> block.parameters().forEach(this::parameter);
                case Member.RuleBlock rule -> blocks.put(rule.kind(), rule);
                case Member.Function function -> function(function);
                case Statement.Let let -> {
                }
                case Member.Var variable -> {
                }
            }
        }
        functions.refuseRecursion();
        for (Member member : tree.members()) {
            if (member instanceof Statement.Let let) {
                let(let, root);
            } else if (member instanceof Member.Var variable && !isReserved(variable.name(), variable.nameSpan())
                    && !alreadyDefined(variable.name(), variable.nameSpan(), root)) {
                state.declare(variable, root);
            }
        }
        // scan first: entry's "on signal" needs to know what scan emits, wherever the blocks are in the file.
        for (BlockKind kind : BlockKind.values()) {
            Member.RuleBlock block = blocks.get(kind);
            if (block != null) {
                statements(block.statements(), root.block(kind));
            }
        }
        warnUnused();
        functions.warnUnused();
        StrategySize.check(checked, lets, reporter);
    }

    private void function(Member.Function function) {
        String name = function.name();
        if (isReserved(name, function.nameSpan())) {
            return;
        }
        if (BuiltinFunction.find(name) != null || registry.find(name).isPresent()) {
            reporter.report(DiagnosticCode.DUPLICATE_NAME, function.nameSpan(), "it is a built-in function; choose another",
                    name);
            return;
        }
        if (functions.isDefined(name)) {
            reporter.report(DiagnosticCode.DUPLICATE_NAME, function.nameSpan(),
                    "the first is at line " + functions.find(name).span().line(), name);
            return;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Member.FunctionParameter parameter : function.parameters()) {
            if (!names.add(parameter.name())) {
                reporter.report(DiagnosticCode.DUPLICATE_NAME, parameter.span(), "give each parameter its own name",
                        parameter.name());
                return;
            }
            if (isReserved(parameter.name(), parameter.span())) {
                return;
            }
        }
        functions.declare(function);
    }

    /** A name a let or var would take that a parameter, a let in scope or a var already has. */
    private boolean alreadyDefined(String name, SourceSpan span, Scope scope) {
        if (parameters.containsKey(name) || scope.let(name) != null || vars.containsKey(name)) {
            reporter.report(DiagnosticCode.DUPLICATE_NAME, span, "choose another name", name);
            return true;
        }
        return false;
    }

    private static SourceSpan keywordSpan(SourceSpan span, String keyword) {
        return new SourceSpan(span.file(), span.line(), span.column(), span.line(), span.column() + keyword.length(),
                span.start(), span.start() + keyword.length());
    }

    private Header header(List<StrategyFile.HeaderOption> options) {
        Long timeframe = null;
        int warmup = -1;
        boolean allowShort = false;
        int pyramiding = 1;
        Map<String, StrategyFile.HeaderOption> seen = new HashMap<>();
        for (StrategyFile.HeaderOption option : options) {
            String key = option.key();
            if (!HEADER_OPTIONS.contains(key)) {
                String hint = Suggestions.didYouMean(key, HEADER_OPTIONS);
                reporter.report(DiagnosticCode.UNKNOWN_OPTION, option.keySpan(),
                        hint != null ? hint : "the options are " + String.join(", ", HEADER_OPTIONS), key);
                continue;
            }
            if (seen.putIfAbsent(key, option) != null) {
                reporter.report(DiagnosticCode.INVALID_OPTION, option.keySpan(), "remove one of them",
                        "'" + key + "' is given twice");
                continue;
            }
            Expression value = option.value();
            switch (key) {
                case "timeframe" -> {
                    Long millis = value instanceof Expression.DurationLiteral d ? Long.valueOf(d.millis())
                            : value instanceof Expression.StringLiteral s
                                    ? dev.stratc.compiler.parse.Literals.durationMillis(s.value()) : null;
                    if (millis == null || millis <= 0) {
                        reportOption(value, "timeframe must be a duration such as 1m, 5m, 1h or 1d",
                                "write timeframe: 5m");
                    } else {
                        timeframe = millis;
                    }
                }
                case "warmup" -> {
                    if (value instanceof Expression.Name name && name.name().equals("auto")) {
                        warmup = -1;
                    } else if (value instanceof Expression.NumberLiteral n && n.value() >= 0
                            && n.value() == Math.rint(n.value()) && n.value() <= 1_000_000) {
                        warmup = (int) n.value();
                    } else {
                        reportOption(value, "warmup must be auto or a whole number of bars",
                                "auto waits until every indicator has a full window; 0 decides from the first bar");
                    }
                }
                case "pyramiding" -> {
                    if (value instanceof Expression.NumberLiteral n && n.value() >= 1
                            && n.value() == Math.rint(n.value()) && n.value() <= 100) {
                        pyramiding = (int) n.value();
                    } else {
                        reportOption(value, "pyramiding must be a whole number of entries from 1 to 100",
                                "pyramiding: 4 lets entry add up to 3 units to an open position");
                    }
                }
                default -> {
                    if (value instanceof Expression.BooleanLiteral b) {
                        allowShort = b.value();
                    } else {
                        reportOption(value, "allow_short must be true or false", null);
                    }
                }
            }
        }
        return new Header(timeframe, warmup, allowShort, pyramiding);
    }

    private void reportOption(Expression value, String message, String hint) {
        if (!(value instanceof Expression.Invalid)) {
            reporter.report(DiagnosticCode.INVALID_OPTION, value.span(), hint, message);
        }
    }

    private void parameter(Parameter parameter) {
        String name = parameter.name();
        if (parameters.containsKey(name)) {
            reporter.report(DiagnosticCode.DUPLICATE_NAME, parameter.nameSpan(),
                    "the first is at line " + parameters.get(name).declaration().span().line(), name);
            return;
        }
        if (isReserved(name, parameter.nameSpan())) {
            return;
        }
        ParameterValue value = literal(parameter.value());
        if (value == null) {
            expressions.markInvalid(name);
            if (!(parameter.value() instanceof Expression.Invalid)) {
                reporter.report(DiagnosticCode.PARAMETER_NOT_LITERAL, parameter.value().span(),
                        "write a number (20), a percent (3%), a duration (5m), text (\"market\"), true or false; "
                                + "compute with it in a let",
                        name);
            }
            return;
        }
        List<ParameterValue> space = parameter.space() == null ? List.of() : searchSpace(parameter, value);
        ParameterSymbol symbol = new ParameterSymbol(parameters.size(), Kind.of(value.kind()),
                new ParameterInfo(name, value, space), parameter);
        parameters.put(name, symbol);
        checked.parameters.add(symbol);
        checked.kinds.put(parameter.value(), symbol.kind());
    }

    /**
     * Names of values may not hide a built-in series. They may share a function's name: a call has parentheses,
     * so {@code let momentum = …} and {@code momentum(10)} never meet, and a new catalogue function cannot
     * break a strategy that already uses its name.
     */
    private boolean isReserved(String name, SourceSpan span) {
        if (BuiltinSeries.find(name) != null || name.equals("signal") || name.equals("strategy")) {
            reporter.report(DiagnosticCode.DUPLICATE_NAME, span, "it is a built-in name; choose another", name);
            return true;
        }
        return false;
    }

    /** The value of a literal as a parameter holds it; quoted percents and durations ("3%", "5m") are both. */
    static ParameterValue literal(Expression expression) {
        return switch (expression) {
            case Expression.NumberLiteral n -> ParameterValue.number(n.value());
            case Expression.PercentLiteral p -> ParameterValue.percent(p.value());
            case Expression.DurationLiteral d when d.millis() != Long.MAX_VALUE -> ParameterValue.durationMillis(d.millis());
            case Expression.BooleanLiteral b -> ParameterValue.bool(b.value());
            case Expression.StringLiteral s -> {
                Double percent = dev.stratc.compiler.parse.Literals.percent(s.value());
                Long millis = dev.stratc.compiler.parse.Literals.durationMillis(s.value());
                yield percent != null ? ParameterValue.percent(percent)
                        : millis != null ? ParameterValue.durationMillis(millis) : ParameterValue.string(s.value());
            }
            case Expression.Unary u when u.operator() == Expression.UnaryOperator.NEGATE -> {
                ParameterValue inner = literal(u.operand());
                yield inner != null && (inner.kind() == dev.stratc.indicators.catalog.ValueKind.NUMBER
                        || inner.kind() == dev.stratc.indicators.catalog.ValueKind.PERCENT)
                        ? new ParameterValue(inner.kind(), -inner.number(), null) : null;
            }
            default -> null;
        };
    }

    private List<ParameterValue> searchSpace(Parameter parameter, ParameterValue value) {
        List<ParameterValue> values = new ArrayList<>();
        switch (parameter.space()) {
            case Parameter.ListSpace list -> {
                for (Expression element : list.values()) {
                    ParameterValue candidate = spaceValue(parameter, element, value);
                    if (candidate == null) {
                        return List.of();
                    }
                    values.add(candidate);
                }
            }
            case Parameter.RangeSpace range -> {
                ParameterValue from = spaceValue(parameter, range.from(), value);
                ParameterValue to = spaceValue(parameter, range.to(), value);
                ParameterValue step = range.step() == null ? new ParameterValue(value.kind(),
                        value.kind() == dev.stratc.indicators.catalog.ValueKind.DURATION ? 60_000 : 1, null)
                        : spaceValue(parameter, range.step(), value);
                if (from == null || to == null || step == null) {
                    return List.of();
                }
                if (step.number() <= 0 || from.number() > to.number()) {
                    reporter.report(DiagnosticCode.INVALID_SEARCH_SPACE, range.span(),
                            "write the smaller bound first and a step above 0, e.g. 5..30 step 5",
                            "the range of '" + parameter.name() + "' is empty");
                    return List.of();
                }
                double count = Math.floor((to.number() - from.number()) / step.number() + 1e-9) + 1;
                if (count > 10_000) {
                    reporter.report(DiagnosticCode.INVALID_SEARCH_SPACE, range.span(), "use a larger step",
                            "the range of '" + parameter.name() + "' has " + (long) count + " values; at most 10000");
                    return List.of();
                }
                for (int i = 0; i < count; i++) {
                    double number = from.number() + i * step.number();
                    values.add(new ParameterValue(value.kind(), Math.round(number * 1e9) / 1e9, null));
                }
            }
        }
        return values;
    }

    private ParameterValue spaceValue(Parameter parameter, Expression element, ParameterValue value) {
        ParameterValue candidate = literal(element);
        if (candidate == null || candidate.kind() != value.kind()) {
            if (!(element instanceof Expression.Invalid)) {
                reporter.report(DiagnosticCode.INVALID_SEARCH_SPACE, element.span(),
                        "write literals of the same kind as the value",
                        "the search space of '" + parameter.name() + "' must hold "
                                + Kind.of(value.kind()).description().replaceFirst("^an? ", "") + "s like its value");
            }
            return null;
        }
        return candidate;
    }

    private void let(Statement.Let let, Scope scope) {
        expressions.check(let.value(), scope);
        if (isReserved(let.name(), let.nameSpan())) {
            return;
        }
        if (alreadyDefined(let.name(), let.nameSpan(), scope)) {
            return;
        }
        scope.define(let);
        lets.add(let);
    }

    private void statements(List<Statement> statements, Scope scope) {
        for (Statement statement : statements) {
            switch (statement) {
                case Statement.Let let -> let(let, scope);
                case Statement.When when -> {
                    Kind kind = expressions.check(when.condition(), scope);
                    if (kind != Kind.BOOLEAN && kind != Kind.INVALID) {
                        reporter.report(DiagnosticCode.KIND_MISMATCH, when.condition().span(),
                                kind.isNumeric() ? "compare it with something, e.g. rsi(14) < 30" : null,
                                "'when' needs a condition, found " + kind.description());
                    }
                    statements(when.body(), scope.when());
                }
                case Statement.If branch -> ifStatement(branch, scope);
                case Statement.Assign assign -> state.assign(assign, scope);
                case Statement.OnSignal on -> onSignal(on, scope);
                case Statement.Action action -> action(action, scope);
            }
        }
    }

    private void ifStatement(Statement.If branch, Scope scope) {
        Kind kind = expressions.check(branch.condition(), scope);
        if (kind != Kind.BOOLEAN && kind != Kind.INVALID) {
            reporter.report(DiagnosticCode.KIND_MISMATCH, branch.condition().span(),
                    kind.isNumeric() ? "compare it with something, e.g. rsi(14) < 30" : null,
                    "'if' needs a condition, found " + kind.description());
        }
        statements(branch.body(), scope.when());
        if (branch.elseIf() != null) {
            ifStatement(branch.elseIf(), scope);
        } else if (branch.otherwise() != null) {
            statements(branch.otherwise(), scope.when());
        }
    }

    private void onSignal(Statement.OnSignal on, Scope scope) {
        if (scope.blockKind() != BlockKind.ENTRY) {
            reporter.report(DiagnosticCode.WRONG_BLOCK, keywordSpan(on.span(), "on"),
                    "signals are emitted in scan and received in entry",
                    "'on signal' is only allowed in entry, not in " + scope.blockKind().keyword());
        } else if (!checked.signals.containsKey(on.signal())) {
            String hint = Suggestions.didYouMean(on.signal(), checked.signals.keySet());
            reporter.report(DiagnosticCode.SIGNAL_NEVER_EMITTED, on.signalSpan(),
                    hint != null ? hint : "emit it in scan: signal(\"" + on.signal() + "\", { … })", on.signal());
        }
        statements(on.body(), scope.onSignal(on.signal()));
    }

    private void action(Statement.Action action, Scope scope) {
        Expression.Call call = action.call();
        BuiltinFunction function = BuiltinFunction.find(call.callee());
        if (function == null || !function.isStatement()) {
            if (function != null || registry.find(call.callee()).isPresent()) {
                expressions.check(call, scope);
                reporter.report(DiagnosticCode.NOT_AN_ACTION, call.span(),
                        "use it in a condition, e.g. when (" + call.callee() + "(…) > 0) { … }, or name it with let",
                        "'" + call.callee() + "(…)' computes a value but does nothing with it");
            } else {
                expressions.reportUnknownFunction(call, scope);
            }
            return;
        }
        if (!placementAllowed(function, call, scope)) {
            return;
        }
        List<Expression> arguments = function.variadic() ? variadic(call, function, scope)
                : expressions.bind(call, function.slots(), function.source(), scope);
        if (arguments == null) {
            return;
        }
        checked.calls.put(call, new Binding(new Binding.Builtin(function), arguments));
        switch (function) {
            case SIGNAL -> signal(call, arguments, scope);
            case BUY, SELL -> {
                order(call, function, arguments);
                orders.order(call, arguments, scope);
            }
            case PLOT -> {
                String name = ((Expression.StringLiteral) arguments.get(0)).value();
                if (checked.plots.putIfAbsent(name, call) != null) {
                    reporter.report(DiagnosticCode.DUPLICATE_NAME, call.arguments().get(0).value().span(),
                            "give each plot its own name", "plot \"" + name + "\"");
                }
            }
            case STOP_LOSS, TAKE_PROFIT, TRAILING_STOP, TIME_STOP -> {
                Expression value = orders.stop(call, function, arguments);
                if (value == null) {
                    return;
                }
                if (checked.stops.putIfAbsent(function, value) != null) {
                    reporter.report(DiagnosticCode.DUPLICATE_NAME, call.calleeSpan(), "keep one of them",
                            function.source());
                } else if (value instanceof Expression.PercentLiteral p && p.value() <= 0) {
                    reporter.report(DiagnosticCode.KIND_MISMATCH, p.span(), "a stop distance above 0, e.g. 2%",
                            function.source() + " needs a percent above 0");
                }
            }
            default -> {
            }
        }
    }

    private boolean placementAllowed(BuiltinFunction function, Expression.Call call, Scope scope) {
        BlockKind block = scope.blockKind();
        boolean allowShort = checked.header.allowShort();
        if (function == BuiltinFunction.SELL && block == BlockKind.ENTRY && !allowShort) {
            reporter.report(DiagnosticCode.SHORT_NOT_ALLOWED, call.calleeSpan(),
                    "add allow_short: true to the strategy header to trade short; close positions in exit");
            return false;
        }
        Set<BlockKind> allowed = function.blocks();
        boolean widened = allowShort && ((function == BuiltinFunction.BUY && block == BlockKind.EXIT)
                || (function == BuiltinFunction.SELL && block == BlockKind.ENTRY));
        if (!allowed.contains(block) && !widened) {
            String hint = switch (function) {
                case BUY -> block == BlockKind.EXIT ? "exit closes positions with sell(…)"
                        : "orders are placed in entry and exit; scan emits signals";
                case SELL -> "orders are placed in entry and exit; scan emits signals";
                case SIGNAL -> "signals are emitted in scan and received in entry with on signal(\"…\")";
                default -> "stops belong in the exit block";
            };
            reporter.report(DiagnosticCode.WRONG_BLOCK, call.calleeSpan(), hint,
                    "'" + function.source() + "' is not allowed in " + block.keyword());
            return false;
        }
        if (function == BuiltinFunction.PLOT && (scope.insideWhen() || scope.signal() != null)) {
            reporter.report(DiagnosticCode.WRONG_BLOCK, call.calleeSpan(),
                    "a plot draws its value at every bar; write it directly in scan, entry or exit",
                    "'plot' cannot be inside 'when', 'if' or 'on signal'");
            return false;
        }
        if (function.role() == BuiltinFunction.Role.STOP && scope.insideWhen()) {
            reporter.report(DiagnosticCode.WRONG_BLOCK, call.calleeSpan(),
                    "stops are in force whenever a position is open; write them directly in exit",
                    "'" + function.source() + "' cannot be inside 'when' or 'if'");
            return false;
        }
        return true;
    }

    private List<Expression> variadic(Expression.Call call, BuiltinFunction function, Scope scope) {
        List<Expression> values = new ArrayList<>();
        boolean ok = true;
        Set<Kind> accepts = function.slots().get(0).accepts();
        for (Expression.Argument argument : call.arguments()) {
            Kind kind = expressions.check(argument.value(), scope);
            if (argument.name() != null) {
                reporter.report(DiagnosticCode.UNKNOWN_ARGUMENT, argument.nameSpan(),
                        "give the values without names: " + function.source() + "(\"rsi \", rsi(14))",
                        function.source(), argument.name());
                ok = false;
            } else if (kind != Kind.INVALID && !accepts.contains(kind)) {
                reporter.report(DiagnosticCode.KIND_MISMATCH, argument.value().span(),
                        null, function.source() + " writes text, numbers and conditions, found " + kind.description());
                ok = false;
            }
            ok &= kind != Kind.INVALID;
            values.add(argument.value());
        }
        return ok ? values : null;
    }

    private void signal(Expression.Call call, List<Expression> arguments, Scope scope) {
        if (!(arguments.get(0) instanceof Expression.StringLiteral name)) {
            reporter.report(DiagnosticCode.NOT_CONSTANT, arguments.get(0).span(), "write it in quotes: signal(\"SURGE\")",
                    "a signal's name must be written as text");
            return;
        }
        Map<String, Kind> fields = checked.signals.computeIfAbsent(name.value(), n -> new LinkedHashMap<>());
        if (arguments.get(1) instanceof Expression.MapLiteral payload) {
            Set<String> keys = new java.util.HashSet<>();
            for (Expression.MapEntry entry : payload.entries()) {
                Kind kind = expressions.check(entry.value(), scope);
                if (!keys.add(entry.key())) {
                    reporter.report(DiagnosticCode.DUPLICATE_ARGUMENT, entry.keySpan(), null, entry.key());
                    continue;
                }
                if (kind == Kind.INVALID) {
                    continue;
                }
                if (kind == Kind.PAYLOAD || kind == Kind.QUANTITY || kind == Kind.ACCOUNT) {
                    reporter.report(DiagnosticCode.KIND_MISMATCH, entry.value().span(),
                            null, "a payload holds numbers, percents, durations, conditions and text, found "
                                    + kind.description());
                    continue;
                }
                Kind previous = fields.putIfAbsent(entry.key(), kind);
                if (previous != null && previous != kind) {
                    reporter.report(DiagnosticCode.KIND_MISMATCH, entry.value().span(),
                            "another signal(\"" + name.value() + "\") gives '" + entry.key() + "' as " + previous.description(),
                            "'" + entry.key() + "' is " + kind.description() + " here but " + previous.description()
                                    + " elsewhere");
                }
            }
        }
    }

    private void order(Expression.Call call, BuiltinFunction side, List<Expression> arguments) {
        Expression quantity = arguments.get(0);
        Expression type = arguments.get(1);
        Expression price = arguments.get(2);
        if (quantity instanceof Expression.StringLiteral text && (side == BuiltinFunction.BUY || !text.value().equals("all"))) {
            reporter.report(DiagnosticCode.INVALID_ORDER, quantity.span(),
                    side == BuiltinFunction.BUY ? "give a number of units, a percent of equity or calculate_position_size()"
                            : "write \"all\", a number of units, or a percent of the position such as 50%",
                    "\"" + text.value() + "\" is not a quantity " + (side == BuiltinFunction.BUY ? "to buy" : "to sell"));
        } else if (checked.kind(quantity) == Kind.STRING && !(quantity instanceof Expression.StringLiteral)) {
            reporter.report(DiagnosticCode.INVALID_ORDER, quantity.span(), "write \"all\"", "the quantity must be written as \"all\"");
        }
        String typeName = type instanceof Expression.StringLiteral text ? text.value() : null;
        if (typeName == null || !OrderChecks.TYPES.contains(typeName)) {
            String hint = typeName == null ? null : Suggestions.didYouMean(typeName, OrderChecks.TYPES);
            reporter.report(DiagnosticCode.INVALID_ORDER, type.span(), hint != null ? hint
                            : "write type: \"market\", \"limit\", \"stop\" or \"stop_limit\"",
                    "the order type must be \"market\", \"limit\", \"stop\" or \"stop_limit\"");
            return;
        }
        boolean limitPrice = typeName.equals("limit") || typeName.equals("stop_limit");
        if (limitPrice && price == null) {
            reporter.report(DiagnosticCode.INVALID_ORDER, type.span(), "add price: …, e.g. price: bid_price",
                    "a " + typeName.replace('_', '-') + " order needs a price");
        } else if (!limitPrice && price != null) {
            reporter.report(DiagnosticCode.INVALID_ORDER, price.span(), typeName.equals("stop")
                            ? "write type: \"stop_limit\" to give the stop a limit, or stop: … for its trigger"
                            : "write type: \"limit\" to use this price",
                    "a " + typeName + " order takes no price");
        }
    }

    private void warnUnused() {
        for (ParameterSymbol parameter : checked.parameters) {
            if (!expressions.isParameterUsed(parameter.name())) {
                reporter.report(DiagnosticCode.UNUSED_PARAMETER, parameter.declaration().nameSpan(),
                        "remove it, or use it in a rule", parameter.name());
            }
        }
        for (Statement.Let let : lets) {
            if (!expressions.isLetUsed(let) && checked.kind(let.value()) != Kind.INVALID) {
                reporter.report(DiagnosticCode.UNUSED_LET, let.nameSpan(), "remove it, or use it in a rule", let.name());
            }
        }
        for (VarSymbol variable : vars.values()) {
            if (!expressions.isVarUsed(variable.name())) {
                reporter.report(DiagnosticCode.UNUSED_LET, variable.declaration().nameSpan(),
                        "remove it, or read it in a rule", variable.name());
            }
        }
    }
}
