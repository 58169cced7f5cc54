package dev.stratc.compiler.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stratc.compiler.ast.AstVisitor;
import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Member.BlockKind;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.check.Binding;
import dev.stratc.compiler.check.BuiltinFunction;
import dev.stratc.compiler.check.CheckedStrategy;
import dev.stratc.compiler.check.Kind;
import dev.stratc.compiler.check.MemberResolution;
import dev.stratc.compiler.check.ParameterSymbol;
import dev.stratc.compiler.check.Resolution;
import dev.stratc.compiler.check.VarSymbol;
import dev.stratc.compiler.format.ExpressionPrinter;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.Implementation;

/**
 * Writes one readable Java class per strategy, implementing {@link dev.stratc.strategy.SymbolStrategy}, in the
 * subset of Java that Janino compiles (no lambdas, no generics).
 *
 * <p>Every indicator and history buffer is updated at the top of {@code onBar}, on every bar and in dependency
 * order, because the catalogue's calling convention requires it; the rules below only read the values. Identical
 * calls share one indicator.
 */
public final class JavaGenerator {
    public static final String PACKAGE = "dev.stratc.generated";
    /** The strategy's name is only a hint in the class name; the source hash makes it unique. */
    private static final int MAX_NAME_CHARS = 40;
    /**
     * How much one generated method holds: lines of updates, or statements (a statement weighs one plus its
     * body). More goes into private methods, so that no strategy within the compiler's limits comes near the
     * JVM's 64 KB of code per method, and Janino compiles many small methods faster than one large one.
     */
    private static final int LINES_PER_METHOD = 64;
    private static final int WEIGHT_PER_METHOD = 32;
    private static final String RULE_PARAMETERS = "BarView bar, PositionView position, ActionSink actions, int index";
    private static final String RULE_ARGUMENTS = "bar, position, actions, index";

    private final CheckedStrategy checked;
    private final CanonicalKey keys;
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final Map<String, Buffer> buffers = new LinkedHashMap<>();
    /** Update statements in dependency order: each indicator or buffer after what it reads. */
    private final List<Object> updates = new ArrayList<>();
    private final Map<String, Integer> signalIds = new LinkedHashMap<>();
    private final List<String> onceFields = new ArrayList<>();
    /** Offsets that are parameters or arithmetic on them, by canonical key: an int field each, set at start. */
    private final Map<String, DynamicOffset> dynamicOffsets = new LinkedHashMap<>();

    private record DynamicOffset(String field, Expression offset) {
    }

    /** Higher timeframes by their length, numbered from 1: each has its bars, indicators and histories. */
    private final Map<Long, Integer> timeframes = new LinkedHashMap<>();
    /** The value of each distinct {@code expression @ timeframe}, by context and canonical key. */
    private final Map<String, TimeframeValue> timeframeValues = new LinkedHashMap<>();

    private record TimeframeValue(String field, Expression.AtTimeframe at, int context) {
    }

    /** An indicator's or a history's key in its context: the same call on daily bars is another indicator. */
    private String key(int context, Expression expression) {
        return context == 0 ? keys.of(expression) : context + "@" + keys.of(expression);
    }
    private final ExpressionWriter expressions = new ExpressionWriter(0);
    /** What each order says fired it: its rule's condition text (issue 21: not "exit at 22:7"). */
    private RuleTexts ruleTexts;
    /** Whether any rule reads {@code strategy.*}. */
    private boolean readsRecord;
    /** Whether any rule reads the session ({@code session_high}, {@code value_at(…)}, …). */
    private boolean usesSession;
    /** Each distinct {@code value_at(…)}, {@code opening_high(…)}, {@code opening_low(…)}, in dependency order. */
    private final Map<String, SessionValue> sessionValues = new LinkedHashMap<>();

    private record SessionValue(String field, Expression.Call call, BuiltinFunction function) {
    }
    /** Methods that chunks of the constructor, of the updates and of the rules were moved into. */
    private final List<PendingMethod> methods = new ArrayList<>();

    private record PendingMethod(String header, java.util.function.Consumer<JavaWriter> body) {
    }

    /** The generated class: its binary name and its source. */
    public record GeneratedClass(String className, String source) {
    }

    /** @param context 0 for the strategy's own bars, k for the k-th higher timeframe ({@code @ 1d}) */
    private record Indicator(int id, Expression.Call call, FunctionSpec spec, List<Expression> arguments, int context) {
        String field() {
            return "i" + id;
        }

        String value() {
            return "v" + id;
        }
    }

    private static final class Buffer {
        final int id;
        final Expression subject;
        final int context;
        int size;
        /** Fields of the offsets known only when the strategy starts ({@code close[k]}) that read this buffer. */
        final java.util.Set<String> dynamicOffsets = new java.util.LinkedHashSet<>();

        Buffer(int id, Expression subject, int context) {
            this.id = id;
            this.subject = subject;
            this.context = context;
        }
    }

    private JavaGenerator(CheckedStrategy checked) {
        this.checked = checked;
        this.keys = new CanonicalKey(checked);
    }

    public static GeneratedClass generate(CheckedStrategy checked, String sourceHash) {
        return new JavaGenerator(checked).generate(sourceHash);
    }

    private GeneratedClass generate(String sourceHash) {
        checked.signals().keySet().forEach(name -> signalIds.put(name, signalIds.size()));
        new Hoister(0).collectAll();
        String simpleName = javaName(checked.tree().name()) + "_" + sourceHash.substring(0, 12);
        JavaWriter out = new JavaWriter();
        // No user text in comments, anywhere: a name or a path could end the comment (see JavaLiterals).
        out.line("// Generated by stratc. Do not edit: edit the .strat file.");
        out.line("package " + PACKAGE + ";");
        out.blank();
        for (String type : List.of("dev.stratc.compiler.codegen.Ops", "dev.stratc.strategy.AccountChoice",
                "dev.stratc.strategy.ActionSink", "dev.stratc.strategy.BarSnapshot", "dev.stratc.strategy.BarView", "dev.stratc.strategy.OrderRequest",
                "dev.stratc.strategy.ParameterValue", "dev.stratc.strategy.PositionView",
                "dev.stratc.strategy.Quantity", "dev.stratc.strategy.Signal", "dev.stratc.strategy.Stops",
                "dev.stratc.strategy.Plottable", "dev.stratc.strategy.Sessions",
                "dev.stratc.strategy.StrategyRecord", "dev.stratc.strategy.SymbolStrategy",
                "dev.stratc.strategy.TimeframeBars")) {
            out.line("import " + type + ";");
        }
        out.blank();
        out.line("/** A strategy evaluated for one symbol. */");
        out.open("public final class " + simpleName + " implements SymbolStrategy, StrategyRecord.Reader, Plottable");
        fields(out);
        constructor(out, simpleName);
        onBar(out);
        plots(out);
        for (int i = 0; i < methods.size(); i++) {
            // A rules method may add more, for the bodies it holds: the loop picks them up.
            PendingMethod method = methods.get(i);
            out.blank();
            out.open(method.header());
            method.body().accept(out);
            out.close();
        }
        out.blank();
        out.line("public Stops stops() { return stops; }");
        for (String field : onceFields) {
            out.line("// an order given once per position: the first entry's bar of the position it was given for");
            out.line("private int " + field + " = Integer.MIN_VALUE;");
        }
        if (levelStops()) {
            levelStopsMethod(out);
        }
        out.blank();
        out.line("public int warmupBars() { return warmupBars; }");
        out.blank();
        out.line("public void bindRecord(StrategyRecord record) { this.record = record; }");
        out.blank();
        out.line("public boolean readsRecord() { return " + readsRecord + "; }");
        out.close();
        return new GeneratedClass(PACKAGE + "." + simpleName, out.toString());
    }

    private void fields(JavaWriter out) {
        out.line("private final String symbol;");
        out.line("private final java.time.ZoneId zone;");
        out.line("private final Stops stops;");
        if (levelStops()) {
            out.line("private final BarSnapshot stopBar;");
        }

        out.line("private final int warmupBars;");
        out.line("private StrategyRecord record = StrategyRecord.Unknown.INSTANCE;");
        if (usesSession) {
            out.line("private final Sessions session;");
            for (SessionValue value : sessionValues.values()) {
                out.line("private final Sessions." + (value.function() == BuiltinFunction.VALUE_AT ? "ValueAt"
                        : "OpeningRange") + " " + value.field() + ";");
            }
        }
        if (checked.header().warmupBars() < 0) {
            out.line("private int autoWarmup;");
        }
        if (!checked.parameters().isEmpty()) {
            out.blank();
            out.line("// Parameters: the source's values, or the run's overrides");
            for (ParameterSymbol parameter : checked.parameters()) {
                out.line("private final " + javaType(parameter.kind()) + " " + parameterField(parameter) + ";");
            }
        }
        if (!indicators.isEmpty()) {
            out.blank();
            out.line("// Indicators, one per distinct call, and their values at the current bar");
            for (Indicator indicator : indicators.values()) {
                out.line("private " + implementationClass(indicator.spec) + " " + indicator.field() + ";");
                out.line("private " + javaType(Kind.of(indicator.spec.returns())) + " " + indicator.value() + ";");
            }
        }
        if (!buffers.isEmpty()) {
            out.blank();
            out.line("// History: the last values of series read with [n]");
            for (Buffer buffer : buffers.values()) {
                out.line("private double[] h" + buffer.id + ";");
            }
        }
        if (!timeframes.isEmpty()) {
            out.blank();
            out.line("// Higher timeframes: their bars, built from the strategy's own, and the values computed on them");
            for (int context : timeframes.values()) {
                out.line("private final TimeframeBars tf" + context + ";");
            }
            for (TimeframeValue value : timeframeValues.values()) {
                boolean condition = checked.kind(value.at()) == Kind.BOOLEAN;
                out.line("private " + (condition ? "boolean " : "double ") + value.field() + " = "
                        + (condition ? "false" : "Double.NaN") + ";");
            }
        }
        if (!dynamicOffsets.isEmpty()) {
            out.blank();
            out.line("// History offsets given by parameters, fixed when the strategy starts");
            for (DynamicOffset offset : dynamicOffsets.values()) {
                out.line("private final int " + offset.field() + ";");
            }
        }
        if (!checked.vars().isEmpty()) {
            out.blank();
            out.line("// Vars: their values, and what they were when the bar being evaluated began (a revision of");
            out.line("// that bar starts again from there)");
            for (VarSymbol variable : checked.vars()) {
                String type = javaType(variable.kind());
                String none = variable.kind() == Kind.BOOLEAN ? "false" : "Double.NaN";
                out.line("private " + type + " " + varField(variable) + " = " + none + ";");
                out.line("private " + type + " " + varField(variable) + "c = " + none + ";");
            }
            out.line("private boolean started;");
            out.line("private boolean startedc;");
            out.line("private int lastIndex = -1;");
        }
        if (!signalIds.isEmpty()) {
            out.blank();
            out.line("// Signals emitted by scan in the current evaluation, with their payloads");
            for (Map.Entry<String, Integer> signal : signalIds.entrySet()) {
                out.line("private boolean s" + signal.getValue() + ";");
                checked.signals().get(signal.getKey()).forEach((key, kind) ->
                        out.line("private " + javaType(kind) + " " + signalField(signal.getKey(), key) + ";"));
            }
        }
    }

    private void constructor(JavaWriter out, String simpleName) {
        out.blank();
        out.open("public " + simpleName + "(String symbol, ParameterValue[] parameters, long timeframeMillis, "
                + "java.time.ZoneId zone)");
        out.line("this.symbol = symbol;");
        out.line("this.zone = zone;");
        for (ParameterSymbol parameter : checked.parameters()) {
            String read = switch (parameter.kind()) {
                case STRING -> "parameters[" + parameter.index() + "].text()";
                case BOOLEAN -> "parameters[" + parameter.index() + "].number() != 0";
                default -> "parameters[" + parameter.index() + "].number()";
            };
            out.line("this." + parameterField(parameter) + " = " + read + ";");
        }
        if (usesSession) {
            out.line("this.session = new Sessions(zone, timeframeMillis);");
            for (SessionValue value : sessionValues.values()) {
                Expression argument = checked.binding(value.call()).arguments().get(0);
                out.line("this." + value.field() + " = " + switch (value.function()) {
                    case VALUE_AT -> "new Sessions.ValueAt(" + minuteOfDay(argument) + ")";
                    case OPENING_HIGH -> "new Sessions.OpeningRange(" + expressions.write(argument) + ", true)";
                    default -> "new Sessions.OpeningRange(" + expressions.write(argument) + ", false)";
                } + ";");
            }
        }
        for (Map.Entry<Long, Integer> timeframe : timeframes.entrySet()) {
            out.line("this.tf" + timeframe.getValue() + " = new TimeframeBars(symbol, " + timeframe.getKey()
                    + "L, timeframeMillis, zone, " + quote("@ " + Ops.formatTimeframe(timeframe.getKey())) + ");");
        }
        for (DynamicOffset offset : dynamicOffsets.values()) {
            out.line("this." + offset.field() + " = Ops.offset(" + expressions.write(offset.offset()) + ", "
                    + quote("[" + describe(offset.offset()) + "]") + ");");
        }
        List<String> creations = new ArrayList<>();
        for (Indicator indicator : indicators.values()) {
            creations.add("this." + indicator.field() + " = new " + implementationClass(indicator.spec) + "("
                    + String.join(", ", constructorArguments(indicator)) + ");");
        }
        for (Buffer buffer : buffers.values()) {
            String size = Integer.toString(buffer.size);
            for (String offset : buffer.dynamicOffsets) {
                size = "Math.max(" + size + ", " + offset + " + 1)";
            }
            creations.add("this.h" + buffer.id + " = new double[" + size + "];");
        }
        chunked(out, creations, "create", "long timeframeMillis", "timeframeMillis");
        out.line("this.stops = new Stops(" + stop(BuiltinFunction.STOP_LOSS) + ", " + stop(BuiltinFunction.TAKE_PROFIT)
                + ", " + stop(BuiltinFunction.TRAILING_STOP) + ", " + timeStop() + ");");
        if (levelStops()) {
            out.line("this.stopBar = new BarSnapshot();");
        }
        int headerWarmup = checked.header().warmupBars();
        if (headerWarmup >= 0) {
            out.line("this.warmupBars = " + headerWarmup + ";");
        } else {
            List<String> ready = new ArrayList<>();
            for (Object update : updates) {
                if (contextOf(update) != 0) {
                    continue;
                }
                String bar = update instanceof Indicator indicator ? readyBar(indicator.call, 0)
                        : readyBar(((Buffer) update).subject, 0) + " + (h" + ((Buffer) update).id + ".length - 1)";
                ready.add("autoWarmup = Math.max(autoWarmup, " + bar + ");");
            }
            for (TimeframeValue value : timeframeValues.values()) {
                ready.add("autoWarmup = Math.max(autoWarmup, " + readyBar(value.at(), 0) + ");");
            }
            out.line("// warmup: auto, the first bar where every indicator has a full window");
            chunked(out, ready, "warmup", "", "");
            out.line("this.warmupBars = autoWarmup;");
        }
        out.close();
    }

    private static String minuteOfDay(Expression time) {
        String text = ((Expression.StringLiteral) time).value();
        return Integer.toString(Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3, 5)));
    }

    /**
     * The chart's series ({@link dev.stratc.strategy.Plottable}): the plots in source order, then each indicator the
     * rules compute on the strategy's own bars, named by its call as written. Computed only when asked for.
     */
    private void plots(JavaWriter out) {
        List<String> names = new ArrayList<>();
        List<String> overlays = new ArrayList<>();
        List<String> values = new ArrayList<>();
        PriceUnits units = new PriceUnits(checked);
        for (Map.Entry<String, Expression.Call> plot : checked.plots().entrySet()) {
            List<Expression> arguments = checked.binding(plot.getValue()).arguments();
            Expression value = arguments.get(1);
            boolean overlay = arguments.get(2) instanceof Expression.BooleanLiteral given ? given.value()
                    : units.isPrice(value);
            String code = expressions.write(value);
            values.add("out[" + values.size() + "] = " + (checked.kind(value) == Kind.BOOLEAN
                    ? "(" + code + " ? 1.0 : 0.0)" : code) + ";");
            names.add(quote(plot.getKey()));
            overlays.add(Boolean.toString(overlay));
        }
        for (Indicator indicator : indicators.values()) {
            Kind kind = Kind.of(indicator.spec.returns());
            if (indicator.context() != 0 || kind == Kind.BOOLEAN || kind == Kind.STRING) {
                continue;
            }
            values.add("out[" + values.size() + "] = " + indicator.value() + ";");
            names.add(quote(describe(indicator.call)));
            overlays.add(Boolean.toString(PriceUnits.isPriceIndicator(indicator.spec, checked.binding(indicator.call),
                    units)));
        }
        out.blank();
        out.line("public String[] plotNames() { return new String[] {" + String.join(", ", names) + "}; }");
        out.blank();
        out.line("public boolean[] plotOverlays() { return new boolean[] {" + String.join(", ", overlays) + "}; }");
        out.blank();
        out.open("public void plotValues(BarView bar, PositionView position, double[] out)");
        if (!values.isEmpty()) {
            out.line("int index = bar.index();");
            chunked(out, values, "plot", "BarView bar, PositionView position, double[] out, int index",
                    "bar, position, out, index");
        }
        out.close();
    }

    /** A stop's constant percent, NaN when it is not set or is given as a level (a price, a distance). */
    private String stop(BuiltinFunction stop) {
        Expression value = checked.stops().get(stop);
        return value == null || isLevel(stop) ? "Double.NaN" : expressions.write(value);
    }

    /** Whether the stop is an expression of the bar (a price, or a distance in price) rather than a percent. */
    private boolean isLevel(BuiltinFunction stop) {
        Expression value = checked.stops().get(stop);
        return value != null && stop != BuiltinFunction.TIME_STOP && checked.kind(value) == Kind.NUMBER;
    }

    private boolean levelStops() {
        return isLevel(BuiltinFunction.STOP_LOSS) || isLevel(BuiltinFunction.TAKE_PROFIT)
                || isLevel(BuiltinFunction.TRAILING_STOP);
    }

    private String level(BuiltinFunction stop) {
        return isLevel(stop) ? expressions.write(checked.stops().get(stop)) : "Double.NaN";
    }

    /**
     * The stops for a position, with the levels evaluated on the latest bar (kept in stopBar) and the position
     * asked about, so that entry_price is the fill's price from the entry on.
     */
    private void levelStopsMethod(JavaWriter out) {
        out.blank();
        out.open("public Stops stops(PositionView position)");
        out.line("BarView bar = stopBar;");
        out.line("int index = stopBar.index();");
        out.line("if (index < 0) { return stops; }");
        out.line("return new Stops(stops.stopLossPercent(), stops.takeProfitPercent(), stops.trailingStopPercent(), "
                + "stops.timeStopMillis(), " + level(BuiltinFunction.STOP_LOSS) + ", "
                + level(BuiltinFunction.TAKE_PROFIT) + ", " + level(BuiltinFunction.TRAILING_STOP) + ");");
        out.close();
    }

    private String timeStop() {
        Expression value = checked.stops().get(BuiltinFunction.TIME_STOP);
        return value == null ? "Long.MAX_VALUE" : "(long) " + expressions.write(value);
    }

    private List<String> constructorArguments(Indicator indicator) {
        if (indicator.spec.implementation() instanceof Implementation.Ta4jBridge) {
            List<String> constants = indicator.arguments.subList(2, indicator.arguments.size()).stream()
                    .map(expressions::write).toList();
            return List.of(expressions.write(indicator.arguments.get(0)),
                    "new double[] {" + String.join(", ", constants) + "}");
        }
        List<String> arguments = new ArrayList<>();
        String where = describe(indicator.call);
        for (int i = 0; i < indicator.spec.params().size(); i++) {
            Expression argument = indicator.arguments.get(i);
            String code = switch (indicator.spec.params().get(i).kind()) {
                case LENGTH -> checked.kind(argument) == Kind.DURATION
                        ? "Ops.bars(" + expressions.write(argument) + ", timeframeMillis, " + quote(where) + ")"
                        : "Ops.length(" + expressions.write(argument) + ", " + quote(where) + ")";
                case NUMBER, STRING -> expressions.write(argument);
                case SERIES, CONDITION -> null;
            };
            if (code != null) {
                arguments.add(code);
            }
        }
        return arguments;
    }

    private static int contextOf(Object update) {
        return update instanceof Indicator indicator ? indicator.context() : ((Buffer) update).context;
    }

    /** Java for the bar from which the expression's value is no longer na for lack of data. */
    private String readyBar(Expression expression, int frame) {
        return expression.accept(new AstVisitor<String, Void>() {
            private String readyBar(Expression inner) {
                return JavaGenerator.this.readyBar(inner, frame);
            }

            @Override
            public String visitAtTimeframe(Expression.AtTimeframe at, Void ignored) {
                // the higher bars it needs, counted in the strategy's bars (the first may be partial: one more)
                int higher = timeframes.get(checked.timeframe(at));
                return "(int) Math.min(1000000L, (long) (" + JavaGenerator.this.readyBar(at.subject(), higher)
                        + " + 2) * (" + checked.timeframe(at) + "L / Math.max(1L, timeframeMillis)))";
            }

            @Override
            protected String visitNode(dev.stratc.compiler.ast.Node node, Void context) {
                return "0";
            }

            @Override
            public String visitName(Expression.Name name, Void context) {
                return checked.resolution(name) instanceof Resolution.LetRef let ? readyBar(let.let().value()) : "0";
            }

            @Override
            public String visitCall(Expression.Call call, Void context) {
                Binding binding = checked.binding(call);
                if (binding.callee() instanceof Binding.Inlined inlined) {
                    return readyBar(inlined.body());
                }
                String inputs = max(binding.arguments());
                Indicator indicator = indicators.get(key(frame, call));
                if (indicator == null || indicator.spec.implementation() instanceof Implementation.Pure) {
                    return inputs;
                }
                return inputs.equals("0") ? indicator.field() + ".warmup()"
                        : "(" + indicator.field() + ".warmup() + " + inputs + ")";
            }

            @Override
            public String visitMemberAccess(Expression.MemberAccess access, Void context) {
                return checked.member(access) instanceof MemberResolution.IndicatorMember member
                        ? readyBar(member.call()) : "0";
            }

            @Override
            public String visitHistory(Expression.History history, Void context) {
                String offset = checked.hasFixedOffset(history) ? Integer.toString(checked.offset(history))
                        : dynamicOffsets.get(keys.of(history.offset())).field();
                return "(" + offset + " + " + readyBar(history.subject()) + ")";
            }

            @Override
            public String visitConditional(Expression.Conditional conditional, Void context) {
                return max(List.of(conditional.condition(), conditional.whenTrue(), conditional.whenFalse()));
            }

            @Override
            public String visitUnary(Expression.Unary unary, Void context) {
                return readyBar(unary.operand());
            }

            @Override
            public String visitBinary(Expression.Binary binary, Void context) {
                return max(List.of(binary.left(), binary.right()));
            }

            @Override
            public String visitBetween(Expression.Between between, Void context) {
                return max(List.of(between.value(), between.low(), between.high()));
            }

            private String max(List<Expression> expressions) {
                String result = "0";
                for (Expression expression : expressions) {
                    if (expression != null) {
                        String bar = readyBar(expression);
                        result = result.equals("0") ? bar : bar.equals("0") ? result : "Math.max(" + result + ", " + bar + ")";
                    }
                }
                return result;
            }
        }, null);
    }

    private void onBar(JavaWriter out) {
        out.blank();
        out.open("public void onBar(BarView bar, PositionView position, ActionSink actions)");
        out.line("int index = bar.index();");
        if (!checked.vars().isEmpty()) {
            // A call for the same bar again revises it: the vars start from where they were when it began.
            out.open("if (index != lastIndex)");
            for (VarSymbol variable : checked.vars()) {
                out.line(varField(variable) + "c = " + varField(variable) + ";");
            }
            out.line("startedc = started;");
            out.line("lastIndex = index;");
            out.close();
            out.open("else");
            for (VarSymbol variable : checked.vars()) {
                out.line(varField(variable) + " = " + varField(variable) + "c;");
            }
            out.line("started = startedc;");
            out.close();
        }
        if (usesSession) {
            out.line("session.update(index, bar.time(), bar.high(), bar.low());");
        }
        for (int context : timeframes.values()) {
            out.line("timeframe" + context + "(bar);");
            methods.add(new PendingMethod("private void timeframe" + context + "(BarView base)",
                    w -> timeframe(w, context)));
        }
        List<String> lines = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (Object update : updates) {
            if (contextOf(update) != 0) {
                continue;
            }
            if (update instanceof Indicator indicator) {
                lines.add(indicator.value() + " = " + indicator.field() + ".update(" + String.join(", ", updateArguments(indicator)) + ");");
            } else {
                records.add(record((Buffer) update, expressions));
            }
        }
        if (!lines.isEmpty()) {
            out.line("// Every bar, whether or not a rule reads them: indicators need every bar in order");
        }
        for (int id : signalIds.values()) {
            lines.add("s" + id + " = false;");
        }
        chunked(out, lines, "update", "BarView bar, int index", "bar, index");
        if (levelStops()) {
            out.line("stopBar.set(bar);");
        }
        List<String> sessionLines = new ArrayList<>();
        for (SessionValue value : sessionValues.values()) {
            sessionLines.add(value.field() + ".update(session, index, " + (value.function() == BuiltinFunction.VALUE_AT
                    ? expressions.write(checked.binding(value.call()).arguments().get(1))
                    : "bar.time(), bar.high(), bar.low()") + ");");
        }
        chunked(out, sessionLines, "sessions", RULE_PARAMETERS, RULE_ARGUMENTS);
        // After the rules, so that a var's history holds the value it had when its bar ended.
        String history = "history(bar, position, index);";
        out.open("if (index < warmupBars)");
        if (!records.isEmpty()) {
            out.line(history);
        }
        out.line("return;");
        out.close();
        rules(out);
        if (!records.isEmpty()) {
            out.line(history);
            methods.add(new PendingMethod("private void history(BarView bar, PositionView position, int index)",
                    w -> chunked(w, records, "record", "BarView bar, PositionView position, int index",
                            "bar, position, index")));
        }
        out.close();
    }

    /**
     * A higher timeframe's evaluation, for each of its bars that completed with the strategy's bar: its
     * indicators, then the values read at the strategy's bars, then its histories. The loop's locals are named
     * {@code bar} and {@code index}, like onBar's, so expressions are written the same way in both.
     */
    private void timeframe(JavaWriter out, int context) {
        out.line("tf" + context + ".add(base);");
        out.open("while (tf" + context + ".next())");
        out.line("BarView bar = tf" + context + ";");
        out.line("int index = tf" + context + ".index();");
        List<String> lines = new ArrayList<>();
        List<String> records = new ArrayList<>();
        ExpressionWriter writer = new ExpressionWriter(context);
        for (Object update : updates) {
            if (contextOf(update) != context) {
                continue;
            }
            if (update instanceof Indicator indicator) {
                lines.add(indicator.value() + " = " + indicator.field() + ".update("
                        + String.join(", ", updateArguments(indicator)) + ");");
            } else {
                records.add(record((Buffer) update, writer));
            }
        }
        for (TimeframeValue value : timeframeValues.values()) {
            if (value.context() == context) {
                lines.add(value.field() + " = " + writer.write(value.at().subject()) + ";");
            }
        }
        lines.addAll(records);
        chunked(out, lines, "higher", "BarView bar, int index", "bar, index");
        out.close();
    }

    private static String record(Buffer buffer, ExpressionWriter writer) {
        String value = writer.write(buffer.subject);
        if (writer.checkedKind(buffer.subject) == Kind.BOOLEAN) {
            value = "(" + value + " ? 1.0 : 0.0)";
        }
        return "h" + buffer.id + "[index % h" + buffer.id + ".length] = " + value + ";";
    }

    private void rules(JavaWriter out) {
        if (!checked.vars().isEmpty()) {
            out.open("if (!started)");
            out.line("// The vars' initial values, once, on the first bar the rules run");
            out.line("started = true;");
            for (VarSymbol variable : checked.vars()) {
                out.line(varField(variable) + " = " + expressions.write(variable.declaration().value()) + ";");
            }
            out.close();
        }
        Map<BlockKind, Member.RuleBlock> blocks = new LinkedHashMap<>();
        for (Member member : checked.tree().members()) {
            if (member instanceof Member.RuleBlock block) {
                blocks.putIfAbsent(block.kind(), block);
            }
        }
        Member.RuleBlock scan = blocks.get(BlockKind.SCAN);
        if (scan != null) {
            out.line("// scan");
            statements(out, scan.statements(), scan.kind());
        }
        Member.RuleBlock entry = blocks.get(BlockKind.ENTRY);
        Member.RuleBlock exit = blocks.get(BlockKind.EXIT);
        if (entry != null) {
            int pyramiding = checked.header().pyramiding();
            out.open(pyramiding > 1 ? "if (position.entries() < " + pyramiding + ")" : "if (!position.isOpen())");
            out.line(pyramiding > 1 ? "// entry: also while open, up to " + pyramiding + " entries" : "// entry");
            statements(out, entry.statements(), entry.kind());
            out.close();
        }
        if (exit != null) {
            out.open("if (position.isOpen())");
            out.line("// exit");
            statements(out, exit.statements(), exit.kind());
            out.close();
        }
    }

    private static String varField(VarSymbol variable) {
        return "x" + variable.index();
    }

    private List<String> updateArguments(Indicator indicator) {
        List<String> arguments = new ArrayList<>();
        arguments.add("index");
        if (indicator.spec.implementation() instanceof Implementation.Ta4jBridge) {
            arguments.addAll(List.of("bar.time()", "bar.open()", "bar.high()", "bar.low()", "bar.close()", "bar.volume()"));
            arguments.add(new ExpressionWriter(indicator.context()).write(indicator.arguments.get(1)));
            return arguments;
        }
        arguments.addAll(barInputs(indicator.spec));
        for (int i = 0; i < indicator.spec.params().size(); i++) {
            switch (indicator.spec.params().get(i).kind()) {
                case SERIES, CONDITION -> arguments.add(new ExpressionWriter(indicator.context())
                        .write(indicator.arguments.get(i)));
                default -> {
                }
            }
        }
        return arguments;
    }

    private static List<String> barInputs(FunctionSpec spec) {
        return spec.barInputs().stream().map(field -> switch (field) {
            case OPEN -> "bar.open()";
            case HIGH -> "bar.high()";
            case LOW -> "bar.low()";
            case CLOSE -> "bar.close()";
            case VOLUME -> "bar.volume()";
            case TIME -> "bar.time()";
            case BUY_VOLUME -> "bar.buyVolume()";
            case SELL_VOLUME -> "bar.sellVolume()";
        }).toList();
    }

    /** Lines run in order, in place or, when there are many, in private methods of a chunk each. */
    private void chunked(JavaWriter out, List<String> lines, String prefix, String parameters, String arguments) {
        if (lines.size() <= LINES_PER_METHOD) {
            lines.forEach(out::line);
            return;
        }
        for (int from = 0; from < lines.size(); from += LINES_PER_METHOD) {
            List<String> chunk = lines.subList(from, Math.min(lines.size(), from + LINES_PER_METHOD));
            String name = prefix + methods.size();
            methods.add(new PendingMethod("private void " + name + "(" + parameters + ")", w -> chunk.forEach(w::line)));
            out.line(name + "(" + arguments + ");");
        }
    }

    /** Statements in place when they are few, else in private methods of about WEIGHT_PER_METHOD each. */
    private void statements(JavaWriter out, List<Statement> statements, BlockKind block) {
        if (weight(statements) <= WEIGHT_PER_METHOD) {
            inline(out, statements, block);
            return;
        }
        List<Statement> chunk = new ArrayList<>();
        int chunkWeight = 0;
        for (Statement statement : statements) {
            int weight = weight(statement);
            if (!chunk.isEmpty() && chunkWeight + weight > WEIGHT_PER_METHOD) {
                rulesMethod(out, chunk, block);
                chunk = new ArrayList<>();
                chunkWeight = 0;
            }
            chunk.add(statement);
            chunkWeight += weight;
        }
        rulesMethod(out, chunk, block);
    }

    /** A heavy statement alone in a chunk is written in place there, and its body split again. */
    private void rulesMethod(JavaWriter out, List<Statement> chunk, BlockKind block) {
        String name = "rules" + methods.size();
        methods.add(new PendingMethod("private void " + name + "(" + RULE_PARAMETERS + ")",
                w -> inline(w, chunk, block)));
        out.line(name + "(" + RULE_ARGUMENTS + ");");
    }

    private static int weight(List<Statement> statements) {
        int total = 0;
        for (Statement statement : statements) {
            total += weight(statement);
        }
        return total;
    }

    private static int weight(Statement statement) {
        return switch (statement) {
            case Statement.When when -> 1 + weight(when.body());
            case Statement.If branch -> 1 + weight(branch.body()) + weight(branch.elseBranch());
            case Statement.Assign assign -> 1;
            case Statement.OnSignal on -> 1 + weight(on.body());
            case Statement.Action action -> 1 + action.call().arguments().stream()
                    .mapToInt(a -> a.value() instanceof Expression.MapLiteral map ? map.entries().size() : 0).sum();
            case Statement.Let let -> 0;
        };
    }

    private void inline(JavaWriter out, List<Statement> statements, BlockKind block) {
        for (Statement statement : statements) {
            switch (statement) {
                case Statement.Let let -> {
                    // A let is substituted where it is read.
                }
                case Statement.When when -> {
                    out.open("if (" + expressions.write(when.condition()) + ")");
                    statements(out, when.body(), block);
                    out.close();
                }
                case Statement.OnSignal on -> {
                    out.open("if (s" + signalIds.get(on.signal()) + ")");
                    statements(out, on.body(), block);
                    out.close();
                }
                case Statement.If branch -> ifStatement(out, branch, block);
                case Statement.Assign assign -> out.line(varField(checked.assigned(assign)) + " = "
                        + expressions.write(assign.value()) + ";");
                case Statement.Action action -> action(out, action, block);
            }
        }
    }

    /** An else-if chain as nested blocks: each else holds the next if, so no branch is too large to split. */
    private void ifStatement(JavaWriter out, Statement.If branch, BlockKind block) {
        out.open("if (" + expressions.write(branch.condition()) + ")");
        statements(out, branch.body(), block);
        out.close();
        if (!branch.elseBranch().isEmpty()) {
            out.open("else");
            statements(out, branch.elseBranch(), block);
            out.close();
        }
    }

    private void action(JavaWriter out, Statement.Action action, BlockKind block) {
        Binding binding = checked.binding(action.call());
        BuiltinFunction function = ((Binding.Builtin) binding.callee()).function();
        List<Expression> arguments = binding.arguments();
        if (ruleTexts == null) {
            ruleTexts = RuleTexts.of(checked.tree());
        }
        String reason = ruleTexts.reason(action,
                block.keyword() + " at " + action.span().line() + ":" + action.span().column());
        switch (function) {
            case SIGNAL -> {
                String name = ((Expression.StringLiteral) arguments.get(0)).value();
                int id = signalIds.get(name);
                out.open("");
                out.line("java.util.Map payload = new java.util.HashMap();");
                if (arguments.get(1) instanceof Expression.MapLiteral map) {
                    for (Expression.MapEntry entry : map.entries()) {
                        String field = signalField(name, entry.key());
                        out.line(field + " = " + expressions.write(entry.value()) + ";");
                        out.line("payload.put(" + quote(entry.key()) + ", " + box(field, checked.kind(entry.value())) + ");");
                    }
                }
                out.line("s" + id + " = true;");
                out.line("actions.signal(new Signal(" + quote(name) + ", symbol, bar.time(), payload));");
                out.close();
            }
            case BUY, SELL -> {
                String side = function == BuiltinFunction.BUY ? "OrderRequest.Side.BUY" : "OrderRequest.Side.SELL";
                String type = "OrderRequest.OrderType." + ((Expression.StringLiteral) arguments.get(1)).value()
                        .toUpperCase(java.util.Locale.ROOT);
                String price = arguments.get(2) == null ? "Double.NaN" : expressions.write(arguments.get(2));
                String account = arguments.get(3) == null ? "new AccountChoice.Default()" : account(arguments.get(3));
                String tag = arguments.get(4) == null ? "null" : expressions.write(arguments.get(4));
                String stop = arguments.size() <= 5 || arguments.get(5) == null ? "Double.NaN"
                        : expressions.write(arguments.get(5));
                String expiry = arguments.size() <= 6 ? OrderCode.expiry(null, null, null)
                        : OrderCode.expiry(arguments.get(6), checked.kind(arguments.get(6)),
                        arguments.get(6) == null ? null : expressions.write(arguments.get(6)));
                boolean once = arguments.size() > 7 && arguments.get(7) != null;
                String onceField = "once" + onceFields.size();
                if (once) {
                    // at most once per position: the position is known by its first entry's bar
                    onceFields.add(onceField);
                    String given = expressions.write(arguments.get(7));
                    out.open("if (!(" + given + ") || !position.isOpen() || position.entryBar() != " + onceField + ")");
                    out.line("if ((" + given + ") && position.isOpen()) { " + onceField + " = position.entryBar(); }");
                }
                out.line("actions.order(new OrderRequest(symbol, " + side + ", " + quantity(arguments.get(0), function)
                        + ", " + type + ", " + price + ", " + stop + ", " + expiry + ", " + account + ", " + tag + ", "
                        + quote(reason) + "));");
                if (once) {
                    out.close();
                }
            }
            case CANCEL -> out.line("actions.cancel(symbol, " + (arguments.get(0) == null ? "null"
                    : expressions.write(arguments.get(0))) + ");");
            case LOG, NOTIFY -> {
                List<String> parts = new ArrayList<>();
                for (Expression argument : arguments) {
                    String value = expressions.write(argument);
                    parts.add(switch (checked.kind(argument)) {
                        case STRING -> value;
                        case PERCENT -> "Ops.formatPercent(" + value + ")";
                        case DURATION -> "Ops.formatDuration(" + value + ")";
                        case BOOLEAN -> "String.valueOf(" + value + ")";
                        default -> "Ops.format(" + value + ")";
                    });
                }
                String message = parts.isEmpty() ? "\"\"" : "\"\" + " + String.join(" + ", parts);
                out.line("actions." + function.source() + "(symbol, bar.time(), " + message + ");");
            }
            default -> {
                // Stops are constants of the instance, built in the constructor.
            }
        }
    }

    private String quantity(Expression quantity, BuiltinFunction side) {
        if (quantity instanceof Expression.StringLiteral) {
            return "new Quantity.All()";
        }
        if (quantity instanceof Expression.Call call && checked.binding(call) != null
                && checked.binding(call).callee() instanceof Binding.Builtin(BuiltinFunction sizing)
                && sizing.role() == BuiltinFunction.Role.SIZING) {
            List<Expression> a = checked.binding(call).arguments();
            return switch (sizing) {
                case PERCENT_OF_EQUITY -> "new Quantity.PercentOfEquity(" + expressions.write(a.get(0)) + ")";
                case RISK_POSITION_SIZE -> "new Quantity.RiskBased(" + expressions.write(a.get(0)) + ", "
                        + expressions.write(a.get(1)) + ")";
                case KELLY_POSITION_SIZE -> "new Quantity.Kelly(" + expressions.write(a.get(2)) + ", "
                        + expressions.write(a.get(0)) + " / 100.0, " + expressions.write(a.get(1)) + ")";
                default -> "new Quantity.Sized()";
            };
        }
        String value = expressions.write(quantity);
        if (checked.kind(quantity) == Kind.PERCENT) {
            return side == BuiltinFunction.BUY ? "new Quantity.PercentOfEquity(" + value + ")"
                    : "new Quantity.PercentOfPosition(" + value + ")";
        }
        return "new Quantity.Units(" + value + ")";
    }

    private String account(Expression account) {
        Expression.Call call = (Expression.Call) account;
        Binding binding = checked.binding(call);
        if (binding.callee() instanceof Binding.Builtin(BuiltinFunction function)
                && function == BuiltinFunction.ACCOUNT_BY_ID) {
            return "new AccountChoice.Named(" + expressions.write(binding.arguments().get(0)) + ")";
        }
        return "new AccountChoice.Best()";
    }

    private static String box(String value, Kind kind) {
        return switch (kind) {
            case STRING -> value;
            case BOOLEAN -> "Boolean.valueOf(" + value + ")";
            default -> "Double.valueOf(" + value + ")";
        };
    }

    /** By position, not by name: a field key is any quoted text, and Java identifiers have a length limit. */
    private String signalField(String signal, String key) {
        int position = new ArrayList<>(checked.signals().get(signal).keySet()).indexOf(key);
        return "s" + signalIds.get(signal) + "_" + position;
    }

    private static String parameterField(ParameterSymbol parameter) {
        return "p" + parameter.index();
    }

    static String javaType(Kind kind) {
        return switch (kind) {
            case BOOLEAN -> "boolean";
            case STRING -> "String";
            default -> "double";
        };
    }

    private static String implementationClass(FunctionSpec spec) {
        return switch (spec.implementation()) {
            case Implementation.Streaming streaming -> streaming.className();
            case Implementation.Ta4jBridge bridge -> bridge.className();
            case Implementation.Pure pure -> pure.className();
        };
    }

    /** The call as written, for run-time messages: only ever inside a string literal, never in a comment. */
    private static String describe(Expression expression) {
        String text = ExpressionPrinter.print(expression).replace("\n", " ");
        return text.length() > 100 ? text.substring(0, 97) + "..." : text;
    }

    /** A readable class name from the strategy's name: ASCII letters and digits only, and short. */
    static String javaName(String name) {
        StringBuilder text = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (text.length() == MAX_NAME_CHARS) {
                break;
            }
            text.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        }
        if (text.isEmpty() || !Character.isLetter(text.charAt(0))) {
            text.insert(0, 'S');
        }
        return text.toString();
    }

    static String quote(String text) {
        return JavaLiterals.string(text);
    }

    /** Finds every indicator and history buffer, in the order their updates must run. */
    private final class Hoister extends dev.stratc.compiler.ast.ExpressionWalker {
        private final int frame;

        Hoister(int frame) {
            this.frame = frame;
        }

        void collectAll() {
            for (VarSymbol variable : checked.vars()) {
                visit(variable.declaration().value());
            }
            for (Member member : checked.tree().members()) {
                if (member instanceof Member.RuleBlock block) {
                    statements(block.statements());
                }
            }
        }

        private void statements(List<Statement> statements) {
            for (Statement statement : statements) {
                switch (statement) {
                    case Statement.When when -> {
                        visit(when.condition());
                        statements(when.body());
                    }
                    case Statement.OnSignal on -> statements(on.body());
                    case Statement.If branch -> {
                        visit(branch.condition());
                        statements(branch.body());
                        statements(branch.elseBranch());
                    }
                    case Statement.Assign assign -> visit(assign.value());
                    case Statement.Action action -> {
                        Binding binding = checked.binding(action.call());
                        if (binding != null) {
                            binding.arguments().forEach(this::visit);
                        }
                    }
                    case Statement.Let let -> {
                        // Collected where it is read.
                    }
                }
            }
        }

        @Override
        public Void visitName(Expression.Name name, Void context) {
            if (checked.resolution(name) instanceof Resolution.LetRef let) {
                visit(let.let().value());
            } else if (checked.resolution(name) instanceof Resolution.Series series && series.series().isSession()) {
                usesSession = true;
            }
            return null;
        }

        @Override
        public Void visitCall(Expression.Call call, Void context) {
            Binding binding = checked.binding(call);
            if (binding.callee() instanceof Binding.Inlined inlined) {
                visit(inlined.body());
                return null;
            }
            binding.arguments().forEach(this::visit);
            if (binding.callee() instanceof Binding.Builtin(BuiltinFunction function)
                    && (function == BuiltinFunction.VALUE_AT || function == BuiltinFunction.OPENING_HIGH
                    || function == BuiltinFunction.OPENING_LOW)) {
                usesSession = true;
                sessionValues.computeIfAbsent(keys.of(call),
                        k -> new SessionValue("q" + sessionValues.size(), call, function));
            }
            if (binding.callee() instanceof Binding.Catalogue(FunctionSpec spec)
                    && !(spec.implementation() instanceof Implementation.Pure)) {
                String key = key(frame, call);
                if (!indicators.containsKey(key)) {
                    Indicator indicator = new Indicator(indicators.size(), call, spec, binding.arguments(), frame);
                    indicators.put(key, indicator);
                    updates.add(indicator);
                }
            }
            return null;
        }

        @Override
        public Void visitMemberAccess(Expression.MemberAccess access, Void context) {
            if (checked.member(access) instanceof MemberResolution.IndicatorMember member) {
                visit(member.call());
            } else if (checked.member(access) instanceof MemberResolution.RecordRead) {
                readsRecord = true;
            }
            return null;
        }

        @Override
        public Void visitHistory(Expression.History history, Void context) {
            visit(history.subject());
            boolean fixed = checked.hasFixedOffset(history);
            int offset = fixed ? checked.offset(history) : 0;
            if (!fixed || offset > 0) {
                String key = key(frame, history.subject());
                Buffer buffer = buffers.get(key);
                if (buffer == null) {
                    buffer = new Buffer(buffers.size(), history.subject(), frame);
                    buffers.put(key, buffer);
                    updates.add(buffer);
                }
                buffer.size = Math.max(buffer.size, offset + 1);
                if (!fixed) {
                    String offsetKey = keys.of(history.offset());
                    DynamicOffset dynamic = dynamicOffsets.computeIfAbsent(offsetKey,
                            k -> new DynamicOffset("o" + dynamicOffsets.size(), history.offset()));
                    buffer.dynamicOffsets.add(dynamic.field());
                }
            }
            return null;
        }

        @Override
        public Void visitAtTimeframe(Expression.AtTimeframe at, Void ignored) {
            long millis = checked.timeframe(at);
            int higher = timeframes.computeIfAbsent(millis, m -> timeframes.size() + 1);
            String key = key(higher, at.subject());
            if (!timeframeValues.containsKey(key)) {
                new Hoister(higher).visit(at.subject());
                timeframeValues.put(key, new TimeframeValue("m" + timeframeValues.size(), at, higher));
            }
            return null;
        }
    }

    /** Java for an expression that reads the values the updates computed. */
    private final class ExpressionWriter extends AstVisitor<String, Void> {
        private final int frame;

        ExpressionWriter(int frame) {
            this.frame = frame;
        }

        Kind checkedKind(Expression expression) {
            return checked.kind(expression);
        }

        String write(Expression expression) {
            return expression.accept(this, null);
        }

        @Override
        public String visitNumber(Expression.NumberLiteral literal, Void context) {
            return number(literal.value());
        }

        @Override
        public String visitPercent(Expression.PercentLiteral literal, Void context) {
            return number(literal.value());
        }

        @Override
        public String visitDuration(Expression.DurationLiteral literal, Void context) {
            return number(literal.millis());
        }

        @Override
        public String visitString(Expression.StringLiteral literal, Void context) {
            return quote(literal.value());
        }

        @Override
        public String visitBoolean(Expression.BooleanLiteral literal, Void context) {
            return Boolean.toString(literal.value());
        }

        private String number(double value) {
            return Double.isNaN(value) ? "Double.NaN" : Double.toString(value);
        }

        @Override
        public String visitName(Expression.Name name, Void context) {
            return switch (checked.resolution(name)) {
                case Resolution.ParameterRef parameter -> parameterField(parameter.parameter());
                case Resolution.LetRef let -> "(" + write(let.let().value()) + ")";
                case Resolution.VarRef variable -> varField(variable.variable());
                case Resolution.Series series -> switch (series.series()) {
                    case OPEN -> "bar.open()";
                    case HIGH -> "bar.high()";
                    case LOW -> "bar.low()";
                    case CLOSE, PRICE -> "bar.close()";
                    case VOLUME -> "bar.volume()";
                    case HL2 -> "((bar.high() + bar.low()) / 2.0)";
                    case HLC3 -> "((bar.high() + bar.low() + bar.close()) / 3.0)";
                    case OHLC4 -> "((bar.open() + bar.high() + bar.low() + bar.close()) / 4.0)";
                    case BID_PRICE -> "bar.bid()";
                    case ASK_PRICE -> "bar.ask()";
                    case SYMBOL -> "symbol";
                    case TIME -> "((double) bar.time())";
                    case BAR_INDEX -> "((double) index)";
                    case NA -> "Double.NaN";
                    case HAS_POSITION -> "position.isOpen()";
                    case POSITION_QUANTITY -> "position.quantity()";
                    case ENTRY_PRICE -> "position.entryPrice()";
                    case POSITION_PROFIT_PERCENT -> "Ops.profitPercent(position, bar.close())";
                    case POSITION_LOSS_PERCENT -> "(-Ops.profitPercent(position, bar.close()))";
                    case POSITION_PNL -> "Ops.pnl(position, bar.close())";
                    case TIME_SINCE_ENTRY -> "Ops.timeSinceEntry(position, bar.time())";
                    case BARS_SINCE_ENTRY -> "Ops.barsSinceEntry(position, index)";
                    case POSITION_ENTRIES -> "((double) position.entries())";
                    case FIRST_ENTRY_PRICE -> "(position.isOpen() ? position.firstEntryPrice() : Double.NaN)";
                    case LAST_ENTRY_PRICE -> "(position.isOpen() ? position.lastEntryPrice() : Double.NaN)";
                    case BARS_SINCE_LAST_ENTRY -> "Ops.barsSinceLastEntry(position, index)";
                    case SESSION_OPEN -> "session.isOpen()";
                    case SESSION_HIGH -> "session.high()";
                    case SESSION_LOW -> "session.low()";
                    case MINUTES_SINCE_OPEN -> "session.minutesSinceOpen()";
                    case WEEKDAY -> "session.weekday()";
                    case DAY_OF_MONTH -> "session.dayOfMonth()";
                };
            };
        }

        @Override
        public String visitCall(Expression.Call call, Void context) {
            Binding binding = checked.binding(call);
            if (binding.callee() instanceof Binding.Inlined inlined) {
                return "(" + write(inlined.body()) + ")";
            }
            List<Expression> a = binding.arguments();
            if (binding.callee() instanceof Binding.Catalogue(FunctionSpec spec)) {
                if (spec.implementation() instanceof Implementation.Pure pure) {
                    List<String> arguments = new ArrayList<>(barInputs(spec));
                    for (int i = 0; i < a.size(); i++) {
                        String value = write(a.get(i));
                        arguments.add(spec.params().get(i).kind() == dev.stratc.indicators.catalog.ParamKind.LENGTH
                                ? "Ops.length(" + value + ", " + quote(spec.name()) + ")" : value);
                    }
                    return pure.className() + "." + pure.method() + "(" + String.join(", ", arguments) + ")";
                }
                return indicators.get(key(frame, call)).value();
            }
            BuiltinFunction function = ((Binding.Builtin) binding.callee()).function();
            return switch (function) {
                case SECONDS -> "(" + write(a.get(0)) + " * 1000.0)";
                case MINUTES -> "(" + write(a.get(0)) + " * 60000.0)";
                case HOURS -> "(" + write(a.get(0)) + " * 3600000.0)";
                case DAYS -> "(" + write(a.get(0)) + " * 86400000.0)";
                case NZ -> "Ops.nz(" + write(a.get(0)) + ", " + write(a.get(1)) + ")";
                case IS_NA -> "Double.isNaN(" + write(a.get(0)) + ")";
                case TIME_BETWEEN -> "Ops.timeBetween(bar.time(), zone, " + minuteOfDay(a.get(0)) + ", "
                        + minuteOfDay(a.get(1)) + ")";
                case VALUE_AT, OPENING_HIGH, OPENING_LOW -> sessionValues.get(keys.of(call)).field() + ".value()";
                default -> throw new IllegalStateException(function + " is not a value");
            };
        }


        @Override
        public String visitMemberAccess(Expression.MemberAccess access, Void context) {
            return switch (checked.member(access)) {
                case MemberResolution.IndicatorMember member ->
                        indicators.get(key(frame, member.call())).field() + "." + member.member().accessor() + "()";
                case MemberResolution.SignalField field -> signalField(field.signal(), field.key());
                case MemberResolution.RecordRead read -> "((double) record." + read.field().accessor() + ")";
            };
        }

        @Override
        public String visitHistory(Expression.History history, Void context) {
            boolean condition = checked.kind(history.subject()) == Kind.BOOLEAN;
            if (checked.hasFixedOffset(history) && checked.offset(history) == 0) {
                return write(history.subject());
            }
            String buffer = "h" + buffers.get(key(frame, history.subject())).id;
            String offset = checked.hasFixedOffset(history) ? Integer.toString(checked.offset(history))
                    : dynamicOffsets.get(keys.of(history.offset())).field();
            // A condition is kept as 1 or 0; before its first bar it reads as false, as na compares.
            String earlier = condition ? "(Ops.history(" + buffer + ", index, " + offset + ") == 1.0)"
                    : "Ops.history(" + buffer + ", index, " + offset + ")";
            if (checked.hasFixedOffset(history)) {
                return earlier;
            }
            // The history is kept at the end of the bar: an offset of 0 reads the value itself.
            return "(" + offset + " == 0 ? " + write(history.subject()) + " : " + earlier + ")";
        }

        @Override
        public String visitAtTimeframe(Expression.AtTimeframe at, Void ignored) {
            long millis = checked.timeframe(at);
            return timeframeValues.get(key(timeframes.get(millis), at.subject())).field();
        }

        @Override
        public String visitConditional(Expression.Conditional conditional, Void context) {
            return "(" + write(conditional.condition()) + " ? " + write(conditional.whenTrue()) + " : "
                    + write(conditional.whenFalse()) + ")";
        }

        @Override
        public String visitUnary(Expression.Unary unary, Void context) {
            return (unary.operator() == Expression.UnaryOperator.NOT ? "(!" : "(-") + write(unary.operand()) + ")";
        }

        @Override
        public String visitBetween(Expression.Between between, Void context) {
            return "Ops.between(" + write(between.value()) + ", " + write(between.low()) + ", "
                    + write(between.high()) + ")";
        }

        @Override
        public String visitBinary(Expression.Binary binary, Void context) {
            String left = write(binary.left());
            String right = write(binary.right());
            Kind leftKind = checked.kind(binary.left());
            Kind rightKind = checked.kind(binary.right());
            Kind result = checked.kind(binary);
            return switch (binary.operator()) {
                case AND -> "(" + left + " && " + right + ")";
                case OR -> "(" + left + " || " + right + ")";
                case EQUAL -> leftKind == Kind.STRING ? left + ".equals(" + right + ")" : "(" + left + " == " + right + ")";
                case NOT_EQUAL -> leftKind == Kind.STRING ? "(!" + left + ".equals(" + right + "))"
                        : leftKind == Kind.BOOLEAN ? "(" + left + " != " + right + ")" : "Ops.ne(" + left + ", " + right + ")";
                case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL ->
                        "(" + left + " " + binary.operator().symbol() + " " + right + ")";
                case ADD, SUBTRACT -> "(" + left + " " + binary.operator().symbol() + " " + right + ")";
                case MULTIPLY -> {
                    boolean fraction = result == Kind.NUMBER && (leftKind == Kind.PERCENT || rightKind == Kind.PERCENT);
                    yield fraction ? "(" + left + " * " + right + " * 0.01)" : "(" + left + " * " + right + ")";
                }
                case DIVIDE -> {
                    boolean byPercent = leftKind == Kind.NUMBER && rightKind == Kind.PERCENT;
                    yield byPercent ? "Ops.div(" + left + ", " + right + " * 0.01)" : "Ops.div(" + left + ", " + right + ")";
                }
            };
        }
    }
}
