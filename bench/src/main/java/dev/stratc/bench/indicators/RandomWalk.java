package dev.stratc.bench.indicators;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/** Seeded random-walk OHLCV bars, as primitive columns and as the same bars in a ta4j DoubleNum series. */
final class RandomWalk {
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    RandomWalk(int bars, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        open = new double[bars];
        high = new double[bars];
        low = new double[bars];
        close = new double[bars];
        volume = new double[bars];
        double price = 50_000;
        for (int i = 0; i < bars; i++) {
            double previous = price;
            price *= Math.exp(0.002 * random.nextGaussian());
            open[i] = previous;
            close[i] = price;
            high[i] = Math.max(previous, price) * (1 + 0.001 * Math.abs(random.nextGaussian()));
            low[i] = Math.min(previous, price) * (1 - 0.001 * Math.abs(random.nextGaussian()));
            volume[i] = 1_000 + random.nextInt(10_000);
        }
    }

    int size() {
        return close.length;
    }

    BarSeries toTa4j() {
        BarSeries series = new BaseBarSeriesBuilder().withName("random walk")
                .withNumFactory(DoubleNumFactory.getInstance()).build();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < size(); i++) {
            series.barBuilder().timePeriod(Duration.ofMinutes(1)).endTime(start.plusSeconds(60L * (i + 1)))
                    .openPrice(open[i]).highPrice(high[i]).lowPrice(low[i]).closePrice(close[i]).volume(volume[i])
                    .amount(0).add();
        }
        return series;
    }
}
