package dev.stratc.backtest.optimize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stratc.indicators.catalog.ValueKind;
import dev.stratc.strategy.ParameterInfo;
import dev.stratc.strategy.ParameterValue;

/**
 * The parameter combinations an optimisation tries: the cartesian product of each parameter's values, in a fixed
 * order (parameters as declared, values as listed), so run numbers and results are reproducible.
 */
public final class ParameterGrid {
    private final List<String> names;
    private final List<List<ParameterValue>> values;

    private ParameterGrid(List<String> names, List<List<ParameterValue>> values) {
        this.names = List.copyOf(names);
        this.values = List.copyOf(values);
    }

    /**
     * The declared search spaces ({@code fast = 10 in 5..30 step 5}), with {@code ranges} replacing or adding
     * some ({@code -P fast=5..30 step 5}, {@code -P fast=5,10,20}); parameters without a space keep their value.
     */
    public static ParameterGrid of(List<ParameterInfo> declared, Map<String, List<ParameterValue>> ranges) {
        Map<String, List<ParameterValue>> spaces = new LinkedHashMap<>();
        for (ParameterInfo p : declared) {
            if (!p.searchSpace().isEmpty()) {
                spaces.put(p.name(), p.searchSpace());
            }
        }
        for (var e : ranges.entrySet()) {
            if (declared.stream().noneMatch(p -> p.name().equals(e.getKey()))) {
                throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "'; the strategy declares "
                        + declared.stream().map(ParameterInfo::name).toList());
            }
            spaces.put(e.getKey(), e.getValue());
        }
        if (spaces.isEmpty()) {
            throw new IllegalArgumentException("nothing to optimise: no parameter declares a search space "
                    + "('fast = 10 in 5..30 step 5') and no -P name=a..b step c was given");
        }
        return new ParameterGrid(new ArrayList<>(spaces.keySet()), new ArrayList<>(spaces.values()));
    }

    /**
     * Parses {@code 5..30 step 5}, {@code 5..30} (step 1), {@code 5,10,20}; a percent sign on the values makes
     * percents. The kind follows the declared parameter where it is a percent.
     */
    public static List<ParameterValue> parseRange(String text, ParameterValue declared) {
        String s = text.strip();
        boolean percent = s.contains("%") || declared != null && declared.kind() == ValueKind.PERCENT;
        s = s.replace("%", "");
        List<ParameterValue> out = new ArrayList<>();
        try {
            if (s.contains("..")) {
                String[] stepSplit = s.split("\\s*step\\s*");
                String[] ends = stepSplit[0].split("\\.\\.");
                BigDecimal from = new BigDecimal(ends[0].strip());
                BigDecimal to = new BigDecimal(ends[1].strip());
                BigDecimal step = stepSplit.length > 1 ? new BigDecimal(stepSplit[1].strip()) : BigDecimal.ONE;
                if (step.signum() <= 0 || to.compareTo(from) < 0) {
                    throw new IllegalArgumentException("range '" + text + "' must go up by a positive step");
                }
                for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                    out.add(percent ? ParameterValue.percent(v.doubleValue()) : ParameterValue.number(v.doubleValue()));
                    if (out.size() > 100_000) {
                        throw new IllegalArgumentException("range '" + text + "' has too many values");
                    }
                }
            } else {
                for (String v : s.split(",")) {
                    double d = Double.parseDouble(v.strip());
                    out.add(percent ? ParameterValue.percent(d) : ParameterValue.number(d));
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a range: write a..b step c or a,b,c");
        }
        return out;
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        int n = 1;
        for (List<ParameterValue> v : values) {
            n = Math.multiplyExact(n, v.size());
        }
        return n;
    }

    /** Combination {@code index} (0-based; the last parameter varies fastest). */
    public Map<String, ParameterValue> combination(int index) {
        Map<String, ParameterValue> out = new LinkedHashMap<>();
        int rest = index;
        int[] pick = new int[names.size()];
        for (int p = names.size() - 1; p >= 0; p--) {
            int n = values.get(p).size();
            pick[p] = rest % n;
            rest /= n;
        }
        for (int p = 0; p < names.size(); p++) {
            out.put(names.get(p), values.get(p).get(pick[p]));
        }
        return out;
    }
}
