package dev.stratc.runtime.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.sim.ReplayDataSet;

/** Slices of the Bitstamp sample chosen by the calendar (UTC), for tests of what happens at midnight. */
public final class SampleDays {
    private SampleDays() {
    }

    public static LocalDate day(MarketEvent event) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(event.time()), ZoneOffset.UTC);
    }

    /** The position of the first trade of the sample's second day. */
    public static int firstMidnight() {
        List<MarketEvent> all = Runs.sample().events();
        LocalDate first = day(all.getFirst());
        int midnight = 0;
        while (day(all.get(midnight)).equals(first)) {
            midnight++;
        }
        return midnight;
    }

    /** The sample from its start to {@code after} trades past its first midnight. */
    public static ReplayDataSet acrossMidnight(int after) {
        return Runs.sample(firstMidnight() + after);
    }
}
