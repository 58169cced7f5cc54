package dev.stratc.indicators.trend;

/** -DI (ta4j's MinusDIIndicator): the smoothed downward directional movement in percent of ATR. */
public final class MinusDi {
    private final Dmi dmi;

    public MinusDi(int length) {
        this.dmi = new Dmi(length, 1);
    }

    public double update(int bar, double high, double low, double close) {
        dmi.update(bar, high, low, close);
        return dmi.minusDi();
    }

    public int warmup() {
        return dmi.diWarmup();
    }
}
