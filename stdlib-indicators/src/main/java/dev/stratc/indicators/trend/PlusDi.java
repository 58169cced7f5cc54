package dev.stratc.indicators.trend;

/** +DI (ta4j's PlusDIIndicator): the smoothed upward directional movement in percent of ATR. */
public final class PlusDi {
    private final Dmi dmi;

    public PlusDi(int length) {
        this.dmi = new Dmi(length, 1);
    }

    public double update(int bar, double high, double low, double close) {
        dmi.update(bar, high, low, close);
        return dmi.plusDi();
    }

    public int warmup() {
        return dmi.diWarmup();
    }
}
