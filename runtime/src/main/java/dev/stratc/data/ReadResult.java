package dev.stratc.data;

import java.util.List;

/** Bars read from one source, with the warnings about what was repaired. */
public record ReadResult(Bars bars, List<String> warnings) {
    public ReadResult {
        warnings = List.copyOf(warnings);
    }
}
