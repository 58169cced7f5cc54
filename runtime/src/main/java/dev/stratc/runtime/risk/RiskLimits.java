package dev.stratc.runtime.risk;

/**
 * The run's pre-trade limits ({@code config/risk.yaml}). Values are in the account's currency; 0 (or
 * {@code NaN} for percents) means "no limit" where the field says so. A live run refuses to start when
 * {@link #isEmpty()}.
 *
 * @param maxPositionValue       largest value one symbol's position may reach
 * @param maxPositionsPerAccount open positions one account may hold
 * @param maxPositionsTotal      open positions over every account
 * @param maxExposurePerAccount  gross value one account may hold
 * @param maxExposureTotal       gross value over every account
 * @param maxTradesPerDay        orders sent per day over every account
 * @param maxDailyLoss           loss (positive number) that throws the kill switch
 * @param flattenOnKill          whether throwing the kill switch also closes every position
 * @param allowReentry           whether a symbol sold today may be bought again today
 * @param priceBandPercent       a limit price must lie within this percent of the day's reference price
 *                               (KRX ±30 %); NaN for none
 * @param maxOrdersPerSecond     orders per second over every account
 * @param calendar               the trading hours: {@code KRX} or {@code CRYPTO}
 * @param sizingPercentOfEquity  what {@code calculate_position_size()} buys: this percent of the account's equity
 */
public record RiskLimits(double maxPositionValue, int maxPositionsPerAccount, int maxPositionsTotal,
                         double maxExposurePerAccount, double maxExposureTotal, int maxTradesPerDay,
                         double maxDailyLoss, boolean flattenOnKill, boolean allowReentry, double priceBandPercent,
                         double maxOrdersPerSecond, String calendar, double sizingPercentOfEquity) {

    /** No limits at all: fine for a replay, refused by a live run. */
    public static RiskLimits none(String calendar) {
        return new RiskLimits(0, 0, 0, 0, 0, 0, 0, false, true, Double.NaN, 0, calendar, 10);
    }

    /** These limits under another trading calendar. */
    public RiskLimits withCalendar(String name) {
        return new RiskLimits(maxPositionValue, maxPositionsPerAccount, maxPositionsTotal, maxExposurePerAccount,
                maxExposureTotal, maxTradesPerDay, maxDailyLoss, flattenOnKill, allowReentry, priceBandPercent,
                maxOrdersPerSecond, name, sizingPercentOfEquity);
    }

    public boolean isEmpty() {
        return maxPositionValue == 0 && maxPositionsPerAccount == 0 && maxPositionsTotal == 0
                && maxExposurePerAccount == 0 && maxExposureTotal == 0 && maxTradesPerDay == 0 && maxDailyLoss == 0;
    }
}
