package dev.stratc.compiler.check;

import static dev.stratc.compiler.check.Kind.BOOLEAN;
import static dev.stratc.compiler.check.Kind.DURATION;
import static dev.stratc.compiler.check.Kind.INVALID;
import static dev.stratc.compiler.check.Kind.NUMBER;
import static dev.stratc.compiler.check.Kind.PERCENT;
import static dev.stratc.compiler.check.Kind.STRING;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.stratc.compiler.ast.AstVisitor;
import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Expression.BinaryOperator;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.compiler.parse.SourceParser;
import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.Implementation;
import dev.stratc.indicators.catalog.Member;
import dev.stratc.indicators.catalog.Param;
import dev.stratc.indicators.catalog.ParamKind;

/**
 * Gives every expression its kind and resolves its names and calls. Reports what does not fit, and returns
 * {@link Kind#INVALID} for it, so that one mistake gives one message.
 */
final class ExpressionChecker extends AstVisitor<Kind, Scope> {
    private static final int MAX_OFFSET = 100_000;
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private static final Map<String, Expression> PARSED_DEFAULTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final CheckedStrategy checked;
    private final DiagnosticReporter reporter;
    private final FunctionRegistry registry;
    private final Map<String, ParameterSymbol> parameters;
    private final Set<String> usedParameters = new HashSet<>();
    private final Set<String> invalidParameters = new HashSet<>();
    private final Set<Statement.Let> usedLets = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Map<String, Expression> defaults = new HashMap<>();
    private final Map<String, VarSymbol> vars;
    private final Set<String> usedVars = new HashSet<>();
    private final FunctionInliner functions;
    private final OffsetBounds bounds;
    private final VarReads varReads;
    private final TimeframeReads timeframeReads;

    ExpressionChecker(CheckedStrategy checked, DiagnosticReporter reporter, FunctionRegistry registry,
                      Map<String, ParameterSymbol> parameters, Map<String, VarSymbol> vars,
                      FunctionInliner functions) {
        this.checked = checked;
        this.reporter = reporter;
        this.registry = registry;
        this.parameters = parameters;
        this.vars = vars;
        this.functions = functions;
        this.bounds = new OffsetBounds(checked);
        this.varReads = new VarReads(checked);
        this.timeframeReads = new TimeframeReads(checked);
    }

    boolean isVarUsed(String name) {
        return usedVars.contains(name);
    }

    Kind check(Expression expression, Scope scope) {
        Kind kind = expression.accept(this, scope);
        checked.kinds.put(expression, kind);
        return kind;
    }

    /** A parameter whose declaration is wrong: its uses stay quiet, the declaration has the error. */
    void markInvalid(String parameter) {
        invalidParameters.add(parameter);
    }

    boolean isParameterUsed(String name) {
        return usedParameters.contains(name);
    }

    boolean isLetUsed(Statement.Let let) {
        return usedLets.contains(let);
    }

    private Kind constant(Expression expression, Kind kind) {
        checked.constants.add(expression);
        return kind;
    }

    private boolean isConstant(Expression expression) {
        return checked.constants.contains(expression);
    }

    @Override
    public Kind visitNumber(Expression.NumberLiteral literal, Scope scope) {
        return constant(literal, NUMBER);
    }

    @Override
    public Kind visitPercent(Expression.PercentLiteral literal, Scope scope) {
        return constant(literal, PERCENT);
    }

    @Override
    public Kind visitDuration(Expression.DurationLiteral literal, Scope scope) {
        if (literal.millis() == Long.MAX_VALUE) {
            reporter.report(DiagnosticCode.MALFORMED_NUMBER, literal.span(), "durations go up to 100 years",
                    literal.text());
            return INVALID;
        }
        return constant(literal, DURATION);
    }

    @Override
    public Kind visitString(Expression.StringLiteral literal, Scope scope) {
        return constant(literal, STRING);
    }

    @Override
    public Kind visitBoolean(Expression.BooleanLiteral literal, Scope scope) {
        return constant(literal, BOOLEAN);
    }

    @Override
    public Kind visitInvalid(Expression.Invalid invalid, Scope scope) {
        return INVALID;
    }

    @Override
    public Kind visitName(Expression.Name name, Scope scope) {
        String text = name.name();
        Statement.Let let = scope.let(text);
        if (let != null) {
            usedLets.add(let);
            checked.names.put(name, new Resolution.LetRef(let));
            Kind kind = checked.kind(let.value());
            return isConstant(let.value()) ? constant(name, kind) : kind;
        }
        if (invalidParameters.contains(text)) {
            return INVALID;
        }
        VarSymbol variable = vars.get(text);
        if (variable != null) {
            usedVars.add(text);
            checked.names.put(name, new Resolution.VarRef(variable));
            return variable.kind();
        }
        ParameterSymbol parameter = parameters.get(text);
        if (parameter != null) {
            usedParameters.add(text);
            checked.names.put(name, new Resolution.ParameterRef(parameter));
            return constant(name, parameter.kind());
        }
        BuiltinSeries series = BuiltinSeries.find(text);
        if (series != null) {
            checked.names.put(name, new Resolution.Series(series));
            return series == BuiltinSeries.NA ? constant(name, NUMBER) : series.kind();
        }
        if (text.equals("signal")) {
            reporter.report(DiagnosticCode.NOT_A_VALUE, name.span(),
                    "read a field of the signal's payload, e.g. signal.entry_price",
                    "'signal' alone is not a value");
            return INVALID;
        }
        if (registry.find(text).isPresent() || BuiltinFunction.find(text) != null) {
            reporter.report(DiagnosticCode.UNKNOWN_NAME, name.span(),
                    "'" + text + "' is a function: write " + text + "(…)", text);
            return INVALID;
        }
        if (functions.isDefined(text)) {
            reporter.report(DiagnosticCode.UNKNOWN_NAME, name.span(),
                    "'" + text + "' is a function: write " + text + "(…)", text);
            return INVALID;
        }
        Set<String> known = new HashSet<>(scope.letNames());
        known.addAll(parameters.keySet());
        known.addAll(vars.keySet());
        known.addAll(BuiltinSeries.names());
        reporter.report(DiagnosticCode.UNKNOWN_NAME, name.span(),
                PineNames.hint(text).orElseGet(() -> Suggestions.didYouMean(text, known)), text);
        return INVALID;
    }

    @Override
    public Kind visitMap(Expression.MapLiteral map, Scope scope) {
        reporter.report(DiagnosticCode.NOT_A_VALUE, map.span(), "write it as the second argument of signal(\"NAME\", { … })",
                "a payload { … } is only allowed in signal(…)");
        return INVALID;
    }

    @Override
    public Kind visitCall(Expression.Call call, Scope scope) {
        String name = call.callee();
        BuiltinFunction builtin = BuiltinFunction.find(name);
        if (builtin != null) {
            if (builtin.isStatement()) {
                reporter.report(DiagnosticCode.NOT_A_VALUE, call.calleeSpan(),
                        "write it on its own line, inside a block",
                        "'" + name + "(…)' is an action, not a value");
                return INVALID;
            }
            List<Expression> arguments = bind(call, builtin.slots(), name, scope);
            if (arguments == null) {
                return INVALID;
            }
            checked.calls.put(call, new Binding(new Binding.Builtin(builtin), arguments));
            return builtinKind(call, builtin, arguments);
        }
        if (functions.isDefined(name)) {
            Kind kind = functions.inline(call, scope, this);
            return checked.isConstant(call) ? constant(call, kind) : kind;
        }
        FunctionSpec spec = registry.find(name).orElse(null);
        if (spec == null) {
            reportUnknownFunction(call, scope);
            return INVALID;
        }
        List<Expression> arguments = spec.implementation() instanceof Implementation.Ta4jBridge
                ? bindBridge(call, spec, scope) : bind(call, slots(spec), name, scope);
        if (arguments == null) {
            return INVALID;
        }
        if (!(spec.implementation() instanceof Implementation.Pure) && readsVarNow(spec, arguments)) {
            return INVALID;
        }
        checked.calls.put(call, new Binding(new Binding.Catalogue(spec), arguments));
        return Kind.of(spec.returns());
    }

    /**
     * An indicator is updated at the top of the bar, before the rules assign any var: refuses a var it would read
     * there, whose value would be the previous bar's without saying so.
     */
    private boolean readsVarNow(FunctionSpec spec, List<Expression> arguments) {
        for (Expression argument : arguments) {
            Expression.Name variable = argument == null || isConstant(argument) ? null : varReads.firstIn(argument);
            if (variable != null) {
                reporter.report(DiagnosticCode.VAR_IN_INDICATOR, variable.span(),
                        "give it the value the var had when the previous bar ended: " + variable.name() + "[1]",
                        spec.name() + " is updated before the rules run, so it cannot read the var '"
                                + variable.name() + "' of this bar");
                return true;
            }
        }
        return false;
    }

    /**
     * The ta4j escape hatch takes any number of constants: {@code ta4j("KAMAIndicator", close, 10, 2, 30)}. Binds
     * them as [class name, source (close by default), constants…].
     */
    private List<Expression> bindBridge(Expression.Call call, FunctionSpec spec, Scope scope) {
        List<Expression> bound = new ArrayList<>();
        Expression source = null;
        boolean ok = true;
        for (Expression.Argument argument : call.arguments()) {
            Kind kind = check(argument.value(), scope);
            if (argument.name() != null) {
                reporter.report(DiagnosticCode.UNKNOWN_ARGUMENT, argument.nameSpan(),
                        "write the arguments in the order of the ta4j constructor, without names", spec.name(),
                        argument.name());
                ok = false;
            } else if (kind == INVALID) {
                ok = false;
            } else if (bound.isEmpty()) {
                if (!(argument.value() instanceof Expression.StringLiteral)) {
                    reporter.report(DiagnosticCode.KIND_MISMATCH, argument.value().span(),
                            "e.g. ta4j(\"KAMAIndicator\", close, 10, 2, 30)",
                            "the first argument of ta4j must be the indicator's class name in quotes");
                    return null;
                }
                bound.add(argument.value());
                bound.add(null);
            } else if (!kind.isNumeric() || kind == DURATION) {
                reporter.report(DiagnosticCode.KIND_MISMATCH, argument.value().span(), null,
                        "the arguments of ta4j must be numbers, found " + kind.description());
                ok = false;
            } else if (!isConstant(argument.value())) {
                if (source != null || bound.size() > 2) {
                    reporter.report(DiagnosticCode.NOT_CONSTANT, argument.value().span(),
                            "give the source first, then numbers",
                            "ta4j takes one source series, then constants");
                    ok = false;
                }
                source = argument.value();
            } else {
                bound.add(argument.value());
            }
        }
        if (bound.isEmpty()) {
            reporter.report(DiagnosticCode.ARGUMENT_COUNT, call.span(), "e.g. ta4j(\"KAMAIndicator\", close, 10, 2, 30)",
                    "ta4j needs the indicator's class name");
            return null;
        }
        bound.set(1, source != null ? source : defaultExpression("close", spec.name()));
        return ok ? bound : null;
    }

    void reportUnknownFunction(Expression.Call call, Scope scope) {
        String name = call.callee();
        String hint;
        if (BuiltinSeries.find(name) != null || parameters.containsKey(name) || scope.let(name) != null
                || vars.containsKey(name)) {
            hint = "'" + name + "' is a value, not a function; for an earlier bar write " + name + "[1]";
        } else {
            Set<String> known = new HashSet<>(BuiltinFunction.names());
            registry.all().forEach(spec -> known.add(spec.name()));
            known.addAll(functions.names());
            hint = PineNames.hint(name).orElseGet(() -> Suggestions.didYouMean(name, known));
            if (hint == null) {
                hint = "run 'stratc functions' to list every function";
            }
        }
        reporter.report(DiagnosticCode.UNKNOWN_FUNCTION, call.calleeSpan(), hint, name);
    }

    private Kind builtinKind(Expression.Call call, BuiltinFunction builtin, List<Expression> arguments) {
        boolean allConstant = arguments.stream().allMatch(argument -> argument == null || isConstant(argument));
        Kind kind = switch (builtin) {
            case NZ -> checked.kind(arguments.get(0));
            case VALUE_AT -> {
                if (arguments.get(0) instanceof Expression.StringLiteral text
                        && !TIME_OF_DAY.matcher(text.value()).matches()) {
                    reporter.report(DiagnosticCode.INVALID_TIME_OF_DAY, text.span(),
                            "write the time as HH:MM on a 24-hour clock, e.g. \"09:30\"", text.value());
                    yield INVALID;
                }
                if (!(arguments.get(0) instanceof Expression.StringLiteral)) {
                    reporter.report(DiagnosticCode.NOT_CONSTANT, arguments.get(0).span(),
                            "write the time itself, e.g. value_at(\"09:30\", close)",
                            "the time of value_at must be written as text");
                    yield INVALID;
                }
                yield checked.kind(arguments.get(1));
            }
            case OPENING_HIGH, OPENING_LOW -> {
                if (!(arguments.get(0) instanceof Expression.DurationLiteral window) || window.millis() <= 0) {
                    reporter.report(DiagnosticCode.NOT_CONSTANT, arguments.get(0).span(),
                            "write the window as a duration, e.g. " + builtin.source() + "(30m)",
                            "the window of " + builtin.source() + " must be a duration above 0");
                    yield INVALID;
                }
                yield NUMBER;
            }
            case TIME_BETWEEN -> {
                for (Expression argument : arguments) {
                    if (argument instanceof Expression.StringLiteral text && !TIME_OF_DAY.matcher(text.value()).matches()) {
                        reporter.report(DiagnosticCode.INVALID_TIME_OF_DAY, argument.span(),
                                "write the time as HH:MM on a 24-hour clock, e.g. \"09:00\" or \"15:30\"", text.value());
                        yield INVALID;
                    }
                }
                yield BOOLEAN;
            }
            default -> builtin.returns();
        };
        boolean constantKind = builtin.role() == BuiltinFunction.Role.VALUE && builtin != BuiltinFunction.TIME_BETWEEN
                && builtin != BuiltinFunction.VALUE_AT && builtin != BuiltinFunction.OPENING_HIGH
                && builtin != BuiltinFunction.OPENING_LOW;
        return allConstant && constantKind && kind != INVALID ? constant(call, kind) : kind;
    }

    /** The catalogue's parameters as the checker sees them. */
    static List<Slot> slots(FunctionSpec spec) {
        List<Slot> slots = new ArrayList<>();
        for (Param param : spec.params()) {
            Set<Kind> accepts = switch (param.kind()) {
                case SERIES, NUMBER -> Set.of(NUMBER, PERCENT);
                case CONDITION -> Set.of(BOOLEAN);
                case LENGTH -> Set.of(NUMBER, DURATION);
                case STRING -> Set.of(STRING);
            };
            boolean constant = param.kind() != ParamKind.SERIES && param.kind() != ParamKind.CONDITION;
            slots.add(new Slot(param.name(), accepts, constant, param.defaultValue(), false, param.doc()));
        }
        return slots;
    }

    /**
     * Matches arguments to slots: positional first, then named. A constant given first skips a source series that
     * has a default, so {@code rsi(14)} means {@code rsi(close, 14)}. Returns {@code null} after an error.
     */
    List<Expression> bind(Expression.Call call, List<Slot> slots, String calleeName, Scope scope) {
        List<Expression.Argument> arguments = call.arguments();
        Expression[] bound = new Expression[slots.size()];
        boolean ok = true;
        int positional = 0;
        while (positional < arguments.size() && arguments.get(positional).name() == null) {
            positional++;
        }
        for (int i = positional; i < arguments.size(); i++) {
            if (arguments.get(i).name() == null) {
                reporter.report(DiagnosticCode.ARGUMENT_COUNT, arguments.get(i).span(),
                        "move it before the named arguments, or name it",
                        "a positional argument cannot follow named ones");
                ok = false;
            }
        }
        int slot = 0;
        for (int i = 0; i < positional; i++) {
            Expression value = arguments.get(i).value();
            Kind kind = checkArgument(value, slots, slot, scope);
            if (kind == INVALID) {
                ok = false;
            }
            while (slot < slots.size() - 1 && isConstant(value) && !slots.get(slot).constant()
                    && slots.get(slot).defaultText() != null && positional - i < slots.size() - slot
                    && !slots.get(slot).accepts().contains(STRING)) {
                slot++;
            }
            if (slot >= slots.size()) {
                reporter.report(DiagnosticCode.ARGUMENT_COUNT, arguments.get(i).span(), signature(calleeName, slots),
                        calleeName + " takes " + (slots.isEmpty() ? "no arguments" : "at most " + slots.size()
                                + " argument" + (slots.size() == 1 ? "" : "s")) + ", found " + arguments.size());
                return null;
            }
            bound[slot++] = value;
        }
        for (int i = positional; i < arguments.size(); i++) {
            Expression.Argument argument = arguments.get(i);
            if (argument.name() == null) {
                continue;
            }
            int index = indexOf(slots, argument.name());
            checkArgument(argument.value(), slots, Math.max(index, 0), scope);
            if (index < 0) {
                String hint = Suggestions.didYouMean(argument.name(), slots.stream().map(Slot::name).toList());
                reporter.report(DiagnosticCode.UNKNOWN_ARGUMENT, argument.nameSpan(),
                        hint != null ? hint : signature(calleeName, slots), calleeName, argument.name());
                ok = false;
            } else if (bound[index] != null) {
                reporter.report(DiagnosticCode.DUPLICATE_ARGUMENT, argument.nameSpan(), null, argument.name());
                ok = false;
            } else {
                bound[index] = argument.value();
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            Slot expected = slots.get(i);
            if (bound[i] == null) {
                if (expected.required() && (!expected.optional())) {
                    if (ok) {
                        reporter.report(DiagnosticCode.ARGUMENT_COUNT, call.span(), signature(calleeName, slots),
                                calleeName + " needs the argument '" + expected.name() + "'");
                    }
                    ok = false;
                } else if (expected.defaultText() != null) {
                    bound[i] = defaultExpression(expected.defaultText(), calleeName);
                }
                continue;
            }
            ok &= fits(bound[i], expected, calleeName);
        }
        return ok ? java.util.Arrays.asList(bound) : null;
    }

    private Kind checkArgument(Expression value, List<Slot> slots, int slot, Scope scope) {
        if (value instanceof Expression.MapLiteral && slot < slots.size()
                && slots.get(slot).accepts().contains(Kind.PAYLOAD)) {
            checked.kinds.put(value, Kind.PAYLOAD);
            return Kind.PAYLOAD;
        }
        return check(value, scope);
    }

    private boolean fits(Expression value, Slot slot, String calleeName) {
        Kind kind = checked.kind(value);
        if (kind == INVALID) {
            return false;
        }
        if (!slot.accepts().contains(kind)) {
            String expected = slot.accepts().stream().map(Kind::description).sorted().reduce((a, b) -> a + " or " + b)
                    .orElse("nothing");
            String hint = kind == NUMBER && slot.accepts().contains(PERCENT) && !slot.accepts().contains(NUMBER)
                    && value instanceof Expression.NumberLiteral literal ? "write " + literal.text() + "%"
                    : kind == NUMBER && slot.accepts().contains(DURATION) && value instanceof Expression.NumberLiteral n
                    ? "write " + n.text() + "m for " + n.text() + " minutes" : null;
            reporter.report(DiagnosticCode.KIND_MISMATCH, value.span(), hint,
                    "the argument '" + slot.name() + "' of " + calleeName + " must be " + expected + ", found "
                            + kind.description());
            return false;
        }
        if (slot.constant() && !isConstant(value)) {
            reporter.report(DiagnosticCode.NOT_CONSTANT, value.span(),
                    "write a number, or the name of a parameter",
                    "the argument '" + slot.name() + "' of " + calleeName + " must be fixed when the strategy starts");
            return false;
        }
        boolean isLength = slot.constant() && slot.accepts().equals(Set.of(NUMBER, DURATION));
        if (isLength && kind == NUMBER && value instanceof Expression.NumberLiteral literal
                && (literal.value() < 1 || literal.value() != Math.rint(literal.value()))) {
            reporter.report(DiagnosticCode.INVALID_LENGTH, value.span(), "a length counts bars: 1, 2, 3, …",
                    "the length of " + calleeName + " must be a whole number of at least 1, found " + literal.text());
            return false;
        }
        return true;
    }

    /** A default from the catalogue, parsed once per process and checked once per strategy. */
    private Expression defaultExpression(String text, String calleeName) {
        return defaults.computeIfAbsent(text, source -> {
            Expression expression = PARSED_DEFAULTS.computeIfAbsent(source, unparsed -> {
                DiagnosticReporter local = new DiagnosticReporter();
                Expression parsed = SourceParser.parseExpression(unparsed, "<default of " + calleeName + ">", local);
                if (local.hasErrors()) {
                    throw new IllegalStateException("the catalogue's default '" + unparsed + "' for " + calleeName
                            + " does not parse: " + local.diagnostics());
                }
                return parsed;
            });
            check(expression, Scope.root());
            return expression;
        });
    }

    private static int indexOf(List<Slot> slots, String name) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static String signature(String name, List<Slot> slots) {
        StringBuilder text = new StringBuilder("usage: ").append(name).append('(');
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            text.append(i == 0 ? "" : ", ").append(slot.name());
            if (slot.defaultText() != null) {
                text.append(" = ").append(slot.defaultText());
            } else if (slot.optional()) {
                text.append('?');
            }
        }
        return text.append(')').toString();
    }

    @Override
    public Kind visitMemberAccess(Expression.MemberAccess access, Scope scope) {
        if (access.target() instanceof Expression.Name name && name.name().equals("signal")
                && scope.let("signal") == null) {
            return signalField(access, scope);
        }
        if (access.target() instanceof Expression.Name name && name.name().equals("strategy")
                && scope.let("strategy") == null && RecordField.find(access.member()) != null) {
            return recordField(access);
        }
        if (access.target() instanceof Expression.Name name && PineNames.hint(name.name() + "." + access.member())
                .isPresent() && scope.let(name.name()) == null && !parameters.containsKey(name.name())
                && !vars.containsKey(name.name()) && BuiltinSeries.find(name.name()) == null) {
            reporter.report(DiagnosticCode.UNKNOWN_NAME, name.span(),
                    PineNames.hint(name.name() + "." + access.member()).orElseThrow(), name.name());
            return INVALID;
        }
        if (access.target() instanceof Expression.Name name && name.name().equals("strategy")
                && scope.let("strategy") == null) {
            return recordField(access);
        }
        Kind targetKind = check(access.target(), scope);
        if (targetKind == INVALID) {
            return INVALID;
        }
        Expression target = access.target();
        while (true) {
            if (target instanceof Expression.Name name
                    && checked.resolution(name) instanceof Resolution.LetRef(Statement.Let let)) {
                target = let.value();
            } else if (target instanceof Expression.Call inlined && checked.binding(inlined) != null
                    && checked.binding(inlined).callee() instanceof Binding.Inlined(var function, Expression body)) {
                target = body;
            } else {
                break;
            }
        }
        if (target instanceof Expression.Call call && checked.binding(call) != null
                && checked.binding(call).callee() instanceof Binding.Catalogue(FunctionSpec spec)) {
            if (spec.members().isEmpty()) {
                reporter.report(DiagnosticCode.UNKNOWN_MEMBER, access.memberSpan(), "use " + spec.name() + "(…) itself",
                        spec.name() + " has a single value and no member '" + access.member() + "'");
                return INVALID;
            }
            Member member = spec.member(access.member()).orElse(null);
            if (member == null) {
                List<String> names = spec.members().stream().map(Member::name).toList();
                String hint = Suggestions.didYouMean(access.member(), names);
                reporter.report(DiagnosticCode.UNKNOWN_MEMBER, access.memberSpan(),
                        hint != null ? hint : "its members are " + String.join(", ", names),
                        spec.name() + " has no member '" + access.member() + "'");
                return INVALID;
            }
            checked.members.put(access, new MemberResolution.IndicatorMember(call, member));
            return Kind.of(member.kind());
        }
        reporter.report(DiagnosticCode.UNKNOWN_MEMBER, access.memberSpan(),
                "members belong to indicators with several outputs, e.g. macd(12, 26, 9).signal",
                "a value of kind " + targetKind.description().replaceFirst("^an? ", "") + " has no member '"
                        + access.member() + "'");
        return INVALID;
    }

    /** {@code strategy.equity}: a field of the strategy's own record. */
    private Kind recordField(Expression.MemberAccess access) {
        RecordField field = RecordField.find(access.member());
        if (field == null) {
            String hint = Suggestions.didYouMean(access.member(), RecordField.names());
            reporter.report(DiagnosticCode.UNKNOWN_MEMBER, access.memberSpan(),
                    hint != null ? hint : "its fields are " + String.join(", ", RecordField.names().stream().sorted().toList()),
                    "the strategy's record has no field '" + access.member() + "'");
            return INVALID;
        }
        checked.members.put(access, new MemberResolution.RecordRead(field));
        return field.kind();
    }

    private Kind signalField(Expression.MemberAccess access, Scope scope) {
        if (scope.signal() == null) {
            reporter.report(DiagnosticCode.SIGNAL_OUTSIDE_ON, access.span(),
                    "wrap the statement in on signal(\"NAME\") { … } in the entry block", access.member());
            return INVALID;
        }
        Map<String, Kind> fields = checked.signals.get(scope.signal());
        if (fields == null) {
            return INVALID;
        }
        Kind kind = fields.get(access.member());
        if (kind == null) {
            String hint = Suggestions.didYouMean(access.member(), fields.keySet());
            reporter.report(DiagnosticCode.UNKNOWN_SIGNAL_FIELD, access.memberSpan(),
                    hint != null ? hint : fields.isEmpty() ? "scan emits it without a payload"
                            : "its fields are " + String.join(", ", fields.keySet()),
                    scope.signal(), access.member());
            return INVALID;
        }
        checked.members.put(access, new MemberResolution.SignalField(scope.signal(), access.member(), kind));
        return kind;
    }

    @Override
    public Kind visitHistory(Expression.History history, Scope scope) {
        Kind kind = check(history.subject(), scope);
        Expression offset = history.offset();
        Kind offsetKind = check(offset, scope);
        if (offset instanceof Expression.Unary unary && unary.operator() == Expression.UnaryOperator.NEGATE
                && unary.operand() instanceof Expression.NumberLiteral literal) {
            reporter.report(DiagnosticCode.LOOKAHEAD, offset.span(),
                    "[1] is the previous bar; there is no next bar when a strategy decides", "[-" + literal.text() + "]");
            return INVALID;
        }
        if (offsetKind == INVALID) {
            return INVALID;
        }
        OffsetBounds.Range range = isConstant(offset) && offsetKind == NUMBER ? bounds.of(offset) : null;
        if (range == null) {
            reporter.report(DiagnosticCode.OFFSET_NOT_CONSTANT, offset.span(),
                    !isConstant(offset) ? "write the number of bars, e.g. close[1] for the previous close, or a parameter"
                            : offsetKind != NUMBER ? "an offset counts bars, found " + offsetKind.description()
                            : "write a number, a parameter, or a sum or product of them");
            return INVALID;
        }
        if (range.min() < 0) {
            reporter.report(DiagnosticCode.LOOKAHEAD, offset.span(), range.fixed()
                            ? "[1] is the previous bar; there is no next bar when a strategy decides"
                            : "its parameters can make it " + dev.stratc.compiler.codegen.Ops.format(range.min())
                                    + ": keep their values and search spaces at 0 or more",
                    "[" + dev.stratc.compiler.format.ExpressionPrinter.print(offset) + "]");
            return INVALID;
        }
        if (!range.whole() || range.max() > MAX_OFFSET) {
            reporter.report(DiagnosticCode.OFFSET_NOT_CONSTANT, offset.span(),
                    "offsets count bars: 1 is the previous bar, up to " + MAX_OFFSET);
            return INVALID;
        }
        if (kind == INVALID) {
            return INVALID;
        }
        if (!kind.isNumeric() && kind != BOOLEAN) {
            reporter.report(DiagnosticCode.KIND_MISMATCH, history.subject().span(), null,
                    "[n] reads earlier values of numbers and conditions, found " + kind.description());
            return INVALID;
        }
        if (range.fixed()) {
            checked.offsets.put(history, (int) range.min());
        } else {
            checked.lookbacks.put(history, (int) range.max());
        }
        return kind;
    }

    @Override
    public Kind visitConditional(Expression.Conditional conditional, Scope scope) {
        Kind condition = check(conditional.condition(), scope);
        Kind whenTrue = check(conditional.whenTrue(), scope);
        Kind whenFalse = check(conditional.whenFalse(), scope);
        if (condition == INVALID || whenTrue == INVALID || whenFalse == INVALID) {
            return INVALID;
        }
        if (condition != BOOLEAN) {
            reporter.report(DiagnosticCode.KIND_MISMATCH, conditional.condition().span(),
                    condition.isNumeric() ? "compare it with something, e.g. close > open ? 1 : 0" : null,
                    "'?' needs a condition before it, found " + condition.description());
            return INVALID;
        }
        Kind kind = whenTrue;
        if (whenTrue != whenFalse) {
            if (isNa(conditional.whenFalse()) && whenTrue.isNumeric()) {
                kind = whenTrue;
            } else if (isNa(conditional.whenTrue()) && whenFalse.isNumeric()) {
                kind = whenFalse;
            } else {
                reporter.report(DiagnosticCode.KIND_MISMATCH, conditional.whenTrue().span().to(conditional.whenFalse().span()),
                        "give both branches the same kind, e.g. both percents",
                        "the branches of '?' must be of one kind, found " + whenTrue.description() + " and "
                                + whenFalse.description());
                return INVALID;
            }
        }
        if (kind == Kind.PAYLOAD || kind == Kind.QUANTITY || kind == Kind.ACCOUNT) {
            reporter.report(DiagnosticCode.KIND_MISMATCH, conditional.span(), null,
                    "'?' chooses between values, found " + kind.description());
            return INVALID;
        }
        boolean constant = isConstant(conditional.condition()) && isConstant(conditional.whenTrue())
                && isConstant(conditional.whenFalse());
        return constant ? constant(conditional, kind) : kind;
    }

    @Override
    public Kind visitAtTimeframe(Expression.AtTimeframe at, Scope scope) {
        Kind kind = check(at.subject(), scope);
        Expression timeframe = at.timeframe();
        Long strategy = checked.header.timeframeMillis();
        if (!(timeframe instanceof Expression.DurationLiteral duration) || duration.millis() == Long.MAX_VALUE) {
            if (!(timeframe instanceof Expression.Invalid)) {
                reporter.report(DiagnosticCode.INVALID_TIMEFRAME, timeframe.span(), "e.g. close > ema(close, 20) @ 1d",
                        "'@' needs a timeframe written as a duration, such as 15m, 1h or 1d");
            }
            return INVALID;
        }
        if (strategy != null && (duration.millis() < strategy || duration.millis() % strategy != 0)) {
            String bars = dev.stratc.compiler.codegen.Ops.formatTimeframe(strategy);
            reporter.report(DiagnosticCode.INVALID_TIMEFRAME, timeframe.span(),
                    "a higher timeframe is built from the strategy's own " + bars + " bars: use a multiple of " + bars,
                    duration.millis() < strategy
                            ? "'@ " + duration.text() + "' is finer than the strategy's timeframe, " + bars
                            : "'@ " + duration.text() + "' is not a whole number of the strategy's " + bars + " bars");
            return INVALID;
        }
        if (kind == INVALID) {
            return INVALID;
        }
        if (!kind.isNumeric() && kind != BOOLEAN) {
            reporter.report(DiagnosticCode.KIND_MISMATCH, at.subject().span(), null,
                    "'@' evaluates numbers and conditions, found " + kind.description());
            return INVALID;
        }
        TimeframeReads.Found found = timeframeReads.firstIn(at.subject());
        if (found != null) {
            reporter.report(DiagnosticCode.NOT_ON_TIMEFRAME, found.node().span(), found.why(), found.text());
            return INVALID;
        }
        checked.timeframes.put(at, duration.millis());
        return kind;
    }

    /** {@code na} as written: it fits any numeric kind. */
    boolean isNa(Expression expression) {
        return expression instanceof Expression.Name name
                && checked.resolution(name) instanceof Resolution.Series(BuiltinSeries series)
                && series == BuiltinSeries.NA;
    }

    @Override
    public Kind visitUnary(Expression.Unary unary, Scope scope) {
        Kind kind = check(unary.operand(), scope);
        if (kind == INVALID) {
            return INVALID;
        }
        boolean fits = unary.operator() == Expression.UnaryOperator.NOT ? kind == BOOLEAN : kind.isNumeric();
        if (!fits) {
            reporter.report(DiagnosticCode.KIND_MISMATCH, unary.operand().span(),
                    null, "'" + unary.operator().symbol() + "' needs " + (kind == BOOLEAN ? "a number" : "a condition")
                            + ", found " + kind.description());
            return INVALID;
        }
        return isConstant(unary.operand()) ? constant(unary, kind) : kind;
    }

    @Override
    public Kind visitBetween(Expression.Between between, Scope scope) {
        Kind value = check(between.value(), scope);
        Kind low = check(between.low(), scope);
        Kind high = check(between.high(), scope);
        if (value == INVALID || low == INVALID || high == INVALID) {
            return INVALID;
        }
        boolean ok = comparable(value, low, between.value(), between.low(), "between")
                && comparable(value, high, between.value(), between.high(), "between");
        return ok ? BOOLEAN : INVALID;
    }

    @Override
    public Kind visitBinary(Expression.Binary binary, Scope scope) {
        Kind left = check(binary.left(), scope);
        Kind right = check(binary.right(), scope);
        if (left == INVALID || right == INVALID) {
            return INVALID;
        }
        BinaryOperator operator = binary.operator();
        Kind result;
        if (operator.isLogical()) {
            result = logical(binary, left, right);
        } else if (operator.isComparison()) {
            result = comparable(left, right, binary.left(), binary.right(), operator.symbol()) ? BOOLEAN : INVALID;
        } else {
            result = arithmetic(binary, left, right);
        }
        boolean constant = result != INVALID && isConstant(binary.left()) && isConstant(binary.right());
        return constant ? constant(binary, result) : result;
    }

    private Kind logical(Expression.Binary binary, Kind left, Kind right) {
        for (Expression side : List.of(binary.left(), binary.right())) {
            Kind kind = side == binary.left() ? left : right;
            if (kind != BOOLEAN) {
                reporter.report(DiagnosticCode.KIND_MISMATCH, side.span(),
                        kind.isNumeric() ? "compare it with something, e.g. rsi(14) > 50" : null,
                        "'" + binary.operator().symbol() + "' joins conditions, found " + kind.description());
                return INVALID;
            }
        }
        return BOOLEAN;
    }

    private boolean comparable(Kind left, Kind right, Expression leftNode, Expression rightNode, String operator) {
        if (left == right) {
            if ((left == BOOLEAN || left == STRING) && !operator.equals("==") && !operator.equals("!=")) {
                reporter.report(DiagnosticCode.KIND_MISMATCH, leftNode.span().to(rightNode.span()),
                        null, "'" + operator + "' compares numbers, found " + left.description());
                return false;
            }
            if (left.isNumeric() || left == BOOLEAN || left == STRING) {
                return true;
            }
        }
        // A plain number beside a percent is a number of percent: position_profit_percent > 2 means 2 %.
        if ((left == PERCENT && right == NUMBER) || (left == NUMBER && right == PERCENT)) {
            return true;
        }
        if ((left == DURATION && right == NUMBER) || (left == NUMBER && right == DURATION)) {
            Expression number = left == NUMBER ? leftNode : rightNode;
            reporter.report(DiagnosticCode.DURATION_AS_NUMBER, number.span(), durationHint(number),
                    "cannot compare a duration with a plain number");
            return false;
        }
        reporter.report(DiagnosticCode.KIND_MISMATCH, leftNode.span().to(rightNode.span()),
                null, "cannot compare " + left.description() + " with " + right.description());
        return false;
    }

    private static String durationHint(Expression number) {
        if (number instanceof Expression.NumberLiteral literal) {
            return "write " + literal.text() + "m for " + literal.text() + " minutes (units: s, m, h, d)";
        }
        return "give it a unit with minutes(…), hours(…), or write a duration such as 30m";
    }

    private Kind arithmetic(Expression.Binary binary, Kind left, Kind right) {
        BinaryOperator operator = binary.operator();
        String where = "'" + operator.symbol() + "'";
        if (!left.isNumeric() || !right.isNumeric()) {
            Expression culprit = left.isNumeric() ? binary.right() : binary.left();
            Kind kind = left.isNumeric() ? right : left;
            reporter.report(DiagnosticCode.KIND_MISMATCH, culprit.span(),
                    null, where + " needs numbers, found " + kind.description());
            return INVALID;
        }
        boolean additive = operator == BinaryOperator.ADD || operator == BinaryOperator.SUBTRACT;
        if (additive) {
            if (left == right) {
                return left;
            }
            if (left == DURATION || right == DURATION) {
                Expression number = left == DURATION ? binary.right() : binary.left();
                reporter.report(DiagnosticCode.DURATION_AS_NUMBER, number.span(), durationHint(number),
                        "cannot " + (operator == BinaryOperator.ADD ? "add" : "subtract") + " a duration and a plain number");
                return INVALID;
            }
            reporter.report(DiagnosticCode.AMBIGUOUS_PERCENT, binary.span(),
                    "to raise x by 3 %, write x * 1.03 or x + x * 3%; to add percent points, write both as percents",
                    where + " between a number and a percent can be read two ways");
            return INVALID;
        }
        boolean multiply = operator == BinaryOperator.MULTIPLY;
        if (left == PERCENT && right == PERCENT) {
            if (!multiply) {
                return NUMBER;
            }
            reporter.report(DiagnosticCode.AMBIGUOUS_PERCENT, binary.span(),
                    "write one of them as a plain number: 3% is 0.03", "a percent times a percent can be read two ways");
            return INVALID;
        }
        if (left == DURATION && right == DURATION) {
            if (!multiply) {
                return NUMBER;
            }
            reporter.report(DiagnosticCode.KIND_MISMATCH, binary.span(), null, "cannot multiply two durations");
            return INVALID;
        }
        if (left == NUMBER && right == NUMBER) {
            return NUMBER;
        }
        if (left == DURATION || right == DURATION) {
            if (left == DURATION && right == NUMBER) {
                return DURATION;
            }
            if (multiply && right == DURATION && left == NUMBER) {
                return DURATION;
            }
            reporter.report(DiagnosticCode.KIND_MISMATCH, binary.span(),
                    null, "cannot " + (multiply ? "multiply" : "divide") + " " + left.description() + " by "
                            + right.description());
            return INVALID;
        }
        // A number and a percent. A fixed factor scales the percent (2 * 3% is 6%); a series takes a part of
        // itself (close * 3% is close * 0.03, a price).
        Expression number = left == NUMBER ? binary.left() : binary.right();
        if (!multiply) {
            return left == PERCENT ? PERCENT : NUMBER;
        }
        return isConstant(number) ? PERCENT : NUMBER;
    }
}
