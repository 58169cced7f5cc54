package dev.stratc.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks bars as they are read, in order, so each problem is reported with its file and line. With
 * {@link Repair#DROP} a bad bar is left out and the problem becomes a warning; with {@link Repair#FAIL} it
 * stops the read. Nothing is skipped without a message.
 */
public final class BarValidator {
    private final String source;
    private final Repair repair;
    private final List<String> warnings = new ArrayList<>();
    private long lastTime = Long.MIN_VALUE;
    private long lastLine;

    public BarValidator(String source, Repair repair) {
        this.source = source;
        this.repair = repair;
    }

    /** Whether the bar may be kept; throws {@link DataException} when it may not and repair is FAIL. */
    public boolean accept(long line, long time, double o, double h, double l, double c, double v) {
        String problem = problem(time, o, h, l, c, v);
        if (problem == null) {
            lastTime = time;
            lastLine = line;
            return true;
        }
        if (repair == Repair.FAIL) {
            throw DataException.at(source, line, problem + " (use --repair drop to leave such bars out)");
        }
        warnings.add(source + ":" + line + ": dropped: " + problem);
        return false;
    }

    private String problem(long time, double o, double h, double l, double c, double v) {
        if (Double.isNaN(o) || Double.isNaN(h) || Double.isNaN(l) || Double.isNaN(c) || Double.isNaN(v)
                || Double.isInfinite(o) || Double.isInfinite(h) || Double.isInfinite(l) || Double.isInfinite(c)
                || Double.isInfinite(v)) {
            return "a price or the volume is not a number (NaN or infinite)";
        }
        if (o <= 0 || h <= 0 || l <= 0 || c <= 0) {
            return "non-positive price (open " + o + ", high " + h + ", low " + l + ", close " + c + ")";
        }
        if (h < l) {
            return "high " + h + " is below low " + l;
        }
        if (h < Math.max(o, c) || l > Math.min(o, c)) {
            return "open " + o + " / close " + c + " outside the bar's range [" + l + ", " + h + "]";
        }
        if (v < 0) {
            return "negative volume " + v;
        }
        if (time == lastTime) {
            return "duplicate time " + java.time.Instant.ofEpochMilli(time) + " (same as line " + lastLine + ")";
        }
        if (time < lastTime) {
            return "time " + java.time.Instant.ofEpochMilli(time) + " is before the previous bar's ("
                    + java.time.Instant.ofEpochMilli(lastTime) + ", line " + lastLine + "): the file is not sorted";
        }
        return null;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
