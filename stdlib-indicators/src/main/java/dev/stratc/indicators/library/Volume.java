package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.volume.AverageVolume;

/** Volume indicators. */
public final class Volume {
    private static final Category VOLUME = Category.VOLUME;

    private Volume() {
    }

    public static List<FunctionSpec> functions() {
        return List.of(
                fn("average_volume", VOLUME).length("length", "20", "The number of bars.")
                        .reads(BarField.VOLUME)
                        .streaming(AverageVolume.class)
                        .doc("The average volume of the last `length` bars, this one included. Averages the bars "
                                + "seen so far until `length` exist.", "volume > average_volume(20) * 2"));
    }
}
