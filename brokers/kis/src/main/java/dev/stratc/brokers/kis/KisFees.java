package dev.stratc.brokers.kis;

import dev.stratc.data.Market;
import java.util.Optional;

/**
 * What a KIS fill costs the account: the broker's commission on every fill and the securities transaction tax on
 * every sell, both as a percent of the fill's value. KIS's execution notices carry neither, so the adapter charges
 * them to each fill it reports ({@code Fill.commission}) and every P&L figure of the run is net.
 *
 * <p>The defaults are the backtest's KRX costs ({@link Market#KRX}): 0.015 % (KIS online) and the 2026 tax of
 * 0.20 %. No source we have states an account's own rate (it depends on the account's plan and KIS's offers) or
 * the tax of the year the run trades in, so both are settings: {@code commission_percent} and
 * {@code sell_tax_percent} in the account's entry.
 *
 * @param commissionPercent the broker's fee, percent of a fill's value, 0 to 10
 * @param sellTaxPercent    the tax on a sell, percent of its value, 0 to 10
 */
public record KisFees(double commissionPercent, double sellTaxPercent) {

    public static final KisFees DEFAULTS = new KisFees(Market.KRX.commissionPercent(), Market.KRX.sellTaxPercent());
    static final double MAX_PERCENT = 10;

    public KisFees {
        check("commission_percent", commissionPercent);
        check("sell_tax_percent", sellTaxPercent);
    }

    /** Commission plus, on a sell, the tax of a fill of {@code value} won. */
    public double of(double value, boolean sell) {
        return value * (commissionPercent + (sell ? sellTaxPercent : 0)) / 100;
    }

    /**
     * The account's fees: each setting written as a plain percent ({@code 0.015}, {@code 0.015%}), absent ones at
     * their default.
     */
    static KisFees of(Optional<String> commission, Optional<String> sellTax) {
        return new KisFees(commission.map(v -> parse("commission_percent", v)).orElse(DEFAULTS.commissionPercent),
                sellTax.map(v -> parse("sell_tax_percent", v)).orElse(DEFAULTS.sellTaxPercent));
    }

    private static double parse(String key, String value) {
        String number = value.strip();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a percent such as 0.015, was '" + value + "'");
        }
    }

    private static void check(String key, double percent) {
        if (!(percent >= 0 && percent <= MAX_PERCENT)) {
            throw new IllegalArgumentException(key + " must be 0 to " + (int) MAX_PERCENT + " (percent), was "
                    + percent);
        }
    }
}
