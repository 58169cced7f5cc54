package dev.stratc.indicators.trend;

/** Average directional index (ta4j's ADXIndicator): trend strength 0 to 100, whatever its direction. */
public final class Adx {
    private final Dmi dmi;

    public Adx(int length, int adxLength) {
        this.dmi = new Dmi(length, adxLength);
    }

    public double update(int bar, double high, double low, double close) {
        return dmi.update(bar, high, low, close);
    }

    public int warmup() {
        return dmi.warmup();
    }
}
