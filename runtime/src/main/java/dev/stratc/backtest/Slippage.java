package dev.stratc.backtest;

/**
 * Adverse price movement applied to market and stop fills (never to limit fills, which fill at their price).
 *
 * @param amount  how much
 * @param inTicks {@code true}: {@code amount} ticks of the market's price grid (1 tick where it has none is
 *                meaningless, so such markets need percent); {@code false}: percent of the price
 */
public record Slippage(double amount, boolean inTicks) implements java.io.Serializable {
    public static final Slippage NONE = new Slippage(0, false);

    /** {@code 0.05%}, {@code 2ticks}, {@code 2 ticks}, {@code 0}. */
    public static Slippage parse(String text) {
        String s = text.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        try {
            if (s.endsWith("%")) {
                return new Slippage(Double.parseDouble(s.substring(0, s.length() - 1)), false);
            }
            if (s.endsWith("ticks") || s.endsWith("tick")) {
                return new Slippage(Double.parseDouble(s.replaceAll("ticks?$", "")), true);
            }
            double v = Double.parseDouble(s);
            if (v == 0) {
                return NONE;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("slippage '" + text + "': write a percent (0.05%) or ticks (2ticks), or 0");
    }

    /** The price after slippage against a buyer ({@code buy}) or a seller. */
    public double apply(double price, boolean buy, double tick) {
        if (amount == 0) {
            return price;
        }
        double delta = inTicks ? amount * tick : price * amount / 100;
        return buy ? price + delta : price - delta;
    }

    @Override
    public String toString() {
        return amount == 0 ? "0" : inTicks ? amount + " ticks" : amount + "%";
    }
}
