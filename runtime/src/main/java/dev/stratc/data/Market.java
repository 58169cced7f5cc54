package dev.stratc.data;

import java.time.ZoneId;
import java.util.Locale;

import dev.stratc.indicators.korea.KrxPrices;

/**
 * Where a symbol trades: its time zone, its price grid and its default costs. The defaults are what a retail
 * account pays today; every one of them can be overridden on the command line.
 *
 * @param id                     short name used in files and on the command line
 * @param zone                   the exchange's time zone (bar times are UTC instants; sessions and days use this)
 * @param commissionPercent      broker commission per fill, percent of the traded value
 * @param minimumCommission      the least commission per fill, in the quote currency
 * @param sellTaxPercent         a tax on the value of every sell (the Korean securities transaction tax)
 * @param makerPercent           fee of a limit (maker) fill where the venue distinguishes it, else {@code NaN}
 * @param lotStep                the quantity step (1 share; crypto step size), 0 for any quantity
 * @param tradingDaysPerYear     to annualise daily returns
 * @param fundingPercent         a perpetual future's funding rate per 8 hours (00:00, 08:00, 16:00 UTC), percent of
 *                               the position's value, paid by longs to shorts when positive; {@code NaN} where
 *                               there is no funding (spot, shares)
 */
public record Market(String id, ZoneId zone, double commissionPercent, double minimumCommission,
                     double sellTaxPercent, double makerPercent, double lotStep, int tradingDaysPerYear,
                     double fundingPercent) implements java.io.Serializable {

    public Market(String id, ZoneId zone, double commissionPercent, double minimumCommission, double sellTaxPercent,
                  double makerPercent, double lotStep, int tradingDaysPerYear) {
        this(id, zone, commissionPercent, minimumCommission, sellTaxPercent, makerPercent, lotStep, tradingDaysPerYear,
                Double.NaN);
    }

    /** How often a perpetual's funding is settled (Binance USDⓈ-M: every 8 hours on most symbols). */
    public static final long FUNDING_INTERVAL_MILLIS = 8 * 3_600_000L;

    /**
     * Korea Exchange (KOSPI and KOSDAQ). KIS online commission about 0.015 %; the securities transaction tax on
     * sells is 0.20 % from 2026-01-01 (KOSPI 0.05 % + 0.15 % special rural tax, KOSDAQ 0.20 %), after 0.15 % in
     * 2025 — override with {@code --tax} for other years.
     */
    public static final Market KRX = new Market("krx", ZoneId.of("Asia/Seoul"), 0.015, 0, 0.20, Double.NaN, 1, 252);

    /** Binance spot: 0.1 % taker and maker (no BNB discount), fractional quantities. */
    public static final Market BINANCE = new Market("binance", ZoneId.of("UTC"), 0.10, 0, 0, 0.10, 0, 365);

    /**
     * Binance USDⓈ-M perpetual futures at VIP 0: taker 0.05 %, maker 0.02 %, and funding every 8 hours at 0.01 %
     * (the rate when the premium index is flat: the interest rate of 0.03 % a day in three parts) unless
     * {@code --funding-rate} says otherwise.
     */
    public static final Market BINANCE_USDM = new Market("binance-usdm", ZoneId.of("UTC"), 0.05, 0, 0, 0.02, 0, 365,
            0.01);

    /** Anything else (the ta4j example data, US equities): no costs unless asked for, UTC, any quantity. */
    public static final Market GENERIC = new Market("generic", ZoneId.of("UTC"), 0, 0, 0, Double.NaN, 0, 252);

    public static Market of(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "krx", "kospi", "kosdaq", "kis", "kiwoom" -> KRX;
            case "binance", "crypto" -> BINANCE;
            case "binance-usdm", "usdm", "binance-futures" -> BINANCE_USDM;
            case "generic", "us", "none" -> GENERIC;
            default -> throw new IllegalArgumentException(
                    "unknown market '" + id + "': use krx, binance, binance-usdm or generic");
        };
    }

    /** The price step at {@code price}: the KRX table (since 2023-01-25, one table for KOSPI and KOSDAQ). */
    public double tickSize(double price) {
        return "krx".equals(id) ? krxTick(price) : 0;
    }

    /** The KRX tick at {@code price}, from the indicator library's table (the one {@code tick_size} uses). */
    public static double krxTick(double price) {
        return price > 0 ? KrxPrices.tickSize(price) : 1;
    }

    public Market withCommission(double percent, double minimum) {
        return new Market(id, zone, percent, minimum, sellTaxPercent, Double.isNaN(makerPercent) ? makerPercent
                : percent, lotStep, tradingDaysPerYear, fundingPercent);
    }

    public Market withSellTax(double percent) {
        return new Market(id, zone, commissionPercent, minimumCommission, percent, makerPercent, lotStep,
                tradingDaysPerYear, fundingPercent);
    }

    public Market withLotStep(double step) {
        return new Market(id, zone, commissionPercent, minimumCommission, sellTaxPercent, makerPercent, step,
                tradingDaysPerYear, fundingPercent);
    }

    /** The market with a constant funding rate per 8 hours ({@code --funding-rate}). */
    public Market withFunding(double percent) {
        return new Market(id, zone, commissionPercent, minimumCommission, sellTaxPercent, makerPercent, lotStep,
                tradingDaysPerYear, percent);
    }

    /** Whether positions pay or receive funding here (a perpetual future). */
    public boolean hasFunding() {
        return !Double.isNaN(fundingPercent);
    }

    @Override
    public String toString() {
        return id;
    }
}
