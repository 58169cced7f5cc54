package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.volume.AverageVolume;
import dev.stratc.indicators.volume.Cmf;
import dev.stratc.indicators.volume.Obv;
import dev.stratc.indicators.volume.RollingVwap;
import dev.stratc.indicators.volume.VolumeRatio;
import dev.stratc.indicators.volume.Vwap;

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
                                + "seen so far until `length` exist.", "volume > average_volume(20) * 2"),
                fn("volume_ratio", VOLUME).length("length", "20", "Bars of the average.")
                        .reads(BarField.VOLUME)
                        .streaming(VolumeRatio.class)
                        .doc("This bar's volume divided by `average_volume(length)`: 2 means twice the usual "
                                + "volume. na when the average is zero.", "volume_ratio(20) > 3"),
                fn("obv", VOLUME)
                        .reads(BarField.CLOSE, BarField.VOLUME)
                        .streaming(Obv.class)
                        .doc("On-balance volume: a running total adding the volume of bars that closed up and "
                                + "subtracting that of bars that closed down; 0 on the first bar.",
                                "obv() > ema(obv(), 20)"),
                fn("vwap", VOLUME).string("zone", "\"UTC\"",
                                "The time zone whose calendar day is a session, e.g. \"Asia/Seoul\" for KRX.")
                        .reads(BarField.TIME, BarField.HIGH, BarField.LOW, BarField.CLOSE, BarField.VOLUME)
                        .streaming(Vwap.class)
                        .doc("Session VWAP: the volume-weighted average typical price since the start of the "
                                + "day in `zone` (a bar belongs to the day of its last millisecond). na until the "
                                + "session has traded.", "close > vwap(\"Asia/Seoul\")"),
                fn("rolling_vwap", VOLUME).length("length", null, "The number of bars.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE, BarField.VOLUME)
                        .streaming(RollingVwap.class)
                        .doc("VWAP of the last `length` bars: the volume-weighted average typical price. Partial "
                                + "at first; na while the window traded nothing.", "close > rolling_vwap(50)"),
                fn("cmf", VOLUME).length("length", "20", "The number of bars.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE, BarField.VOLUME)
                        .streaming(Cmf.class)
                        .doc("Chaikin money flow, -1 to 1: volume weighted by where each bar closed in its range, "
                                + "over `length` bars. Positive means buying pressure. Partial at first; as ta4j, "
                                + "na while a bar without range (high = low) is in the window.", "cmf(20) > 0.1"));
    }
}
