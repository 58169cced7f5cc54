package dev.stratc.runtime.broker;

import java.util.List;

/**
 * How close a margin account (Binance USDⓈ-M) is to liquidation, as the broker computes it: for the status view
 * and the {@code max_margin_ratio} risk limit.
 *
 * @param marginRatio maintenance margin over margin balance (Binance's "margin ratio"): 1.0 is liquidation
 * @param positions   each position's mark and liquidation price
 */
public record Margin(double marginRatio, List<PositionMargin> positions) {
    public Margin {
        positions = List.copyOf(positions);
    }

    /** One position: {@code liquidationPrice} is 0 (or NaN) when it cannot be liquidated (no leverage used). */
    public record PositionMargin(String symbol, double quantity, double markPrice, double liquidationPrice) {
        /** How far the mark is from the liquidation price, percent of the mark; NaN when there is none. */
        public double liquidationDistancePercent() {
            if (!(liquidationPrice > 0) || !(markPrice > 0)) {
                return Double.NaN;
            }
            return Math.abs(markPrice - liquidationPrice) / markPrice * 100;
        }
    }

    /** The position of {@code symbol}, if the broker reports one. */
    public java.util.Optional<PositionMargin> position(String symbol) {
        return positions.stream().filter(p -> p.symbol().equals(symbol) && p.quantity() != 0).findFirst();
    }
}
