package dev.stratc.indicators.trend;

import dev.stratc.indicators.averages.Rma;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Wilder's directional movement system as ta4j computes it: +DM and -DM smoothed by RMA over {@code diLength}
 * and divided by ATR(diLength) give +DI and -DI (in percent; 0 when the ATR is below 1e-5); DX is
 * |+DI - -DI| / (+DI + -DI) * 100 (0 when the sum is below 1e-5), and ADX is the RMA of DX over
 * {@code adxLength}. The DIs are na for {@code diLength} bars, ADX for max(diLength, adxLength).
 */
public final class Dmi extends StreamingIndicator {
    /** ta4j compares these with DoubleNum.equals, which has this tolerance. */
    private static final double ZERO = 1e-5;

    private final int diLength;
    private final int adxLength;
    private final Atr atr;
    private final Rma plusDm;
    private final Rma minusDm;
    private final Rma adx;
    private double previousHigh = Double.NaN;
    private double previousLow = Double.NaN;
    private double high = Double.NaN;
    private double low = Double.NaN;
    private double plusDi = Double.NaN;
    private double minusDi = Double.NaN;

    public Dmi(int diLength, int adxLength) {
        requireLength("adx", "length", diLength, 1);
        requireLength("adx", "adx_length", adxLength, 1);
        this.diLength = diLength;
        this.adxLength = adxLength;
        this.atr = new Atr(diLength);
        this.plusDm = new Rma(diLength);
        this.minusDm = new Rma(diLength);
        this.adx = new Rma(adxLength);
    }

    /** Updates +DI, -DI and ADX for this bar; returns ADX. */
    public double update(int bar, double high, double low, double close) {
        enter(bar);
        this.high = high;
        this.low = low;
        double upMove = index() == 0 ? 0.0 : high - previousHigh;
        double downMove = index() == 0 ? 0.0 : previousLow - low;
        double range = atr.update(bar, high, low, close);
        double plus = plusDm.update(bar, upMove > downMove && upMove > 0 ? upMove : 0.0);
        double minus = minusDm.update(bar, downMove > upMove && downMove > 0 ? downMove : 0.0);
        plusDi = directionalIndex(plus, range);
        minusDi = directionalIndex(minus, range);
        double sum = plusDi + minusDi;
        double dx = Math.abs(sum) < ZERO ? 0.0 : Math.abs(plusDi - minusDi) / sum * 100.0;
        return adx.update(bar, dx);
    }

    private static double directionalIndex(double averageMove, double averageRange) {
        return Math.abs(averageRange) < ZERO ? 0.0 : averageMove / averageRange * 100.0;
    }

    public double plusDi() {
        return plusDi;
    }

    public double minusDi() {
        return minusDi;
    }

    public int warmup() {
        return Math.max(diLength, adxLength);
    }

    public int diWarmup() {
        return diLength;
    }

    @Override
    protected void commit() {
        previousHigh = high;
        previousLow = low;
    }
}
