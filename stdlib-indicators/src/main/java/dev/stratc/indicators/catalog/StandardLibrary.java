package dev.stratc.indicators.catalog;

import java.util.ArrayList;
import java.util.List;

import dev.stratc.indicators.library.Averages;
import dev.stratc.indicators.library.Candles;
import dev.stratc.indicators.library.EscapeHatch;
import dev.stratc.indicators.library.Events;
import dev.stratc.indicators.library.KoreanMarket;
import dev.stratc.indicators.library.Momentum;
import dev.stratc.indicators.library.Statistics;
import dev.stratc.indicators.library.TrendVolatility;
import dev.stratc.indicators.library.Volume;

/** The declarations of the standard library, in catalogue order; each category declares its own. */
final class StandardLibrary {
    private StandardLibrary() {
    }

    static List<FunctionSpec> functions() {
        List<FunctionSpec> all = new ArrayList<>();
        all.addAll(Averages.functions());
        all.addAll(Momentum.functions());
        all.addAll(TrendVolatility.functions());
        all.addAll(Volume.functions());
        all.addAll(Statistics.functions());
        all.addAll(Events.functions());
        all.addAll(Candles.functions());
        all.addAll(KoreanMarket.functions());
        all.addAll(EscapeHatch.functions());
        return all;
    }
}
