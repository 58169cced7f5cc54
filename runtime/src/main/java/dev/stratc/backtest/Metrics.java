package dev.stratc.backtest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.stratc.data.Bars;

/**
 * The report's figures, all net of costs unless named gross. Returns and rates are fractions (0.12 = 12 %).
 *
 * @param netReturn         final equity / capital − 1
 * @param grossReturn       the same before fees and taxes
 * @param cagr              compound annual growth over the run's calendar span
 * @param maxDrawdown       deepest fall from a running equity peak, as a fraction of the peak
 * @param maxDrawdownLength longest time from a peak until equity regained it (or the run ended)
 * @param sharpe            annualised mean / standard deviation of daily returns (per-bar when under 5 days)
 * @param sortino           the same with downside deviation
 * @param calmar            CAGR / max drawdown
 * @param winRate           winning trades / trades
 * @param profitFactor      sum of wins / sum of losses
 * @param expectancy        average net P&L per trade, in currency
 * @param averageWin        average winning trade, currency
 * @param averageLoss       average losing trade, currency (negative)
 * @param payoffRatio       average win / |average loss|
 * @param exposure          share of bar times with a position open
 * @param trades            closed trades
 * @param averageBarsHeld   mean bars per trade
 * @param feesPaid          commission and taxes, currency
 * @param buyAndHold        equal-weighted buy-and-hold of the universe over the same period (before costs)
 * @param finalEquity       equity at the end
 * @param start             first bar time of the run
 * @param end               last bar time of the run
 */
public record Metrics(double netReturn, double grossReturn, double cagr, double maxDrawdown,
                      Duration maxDrawdownLength, double sharpe, double sortino, double calmar, double winRate,
                      double profitFactor, double expectancy, double averageWin, double averageLoss,
                      double payoffRatio, double exposure, int trades, double averageBarsHeld, double feesPaid,
                      double buyAndHold, double finalEquity, Instant start, Instant end) implements java.io.Serializable {

    private static final double YEAR_MILLIS = 365.2425 * 86_400_000d;

    static Metrics compute(double capital, EquityCurve curve, List<Trade> trades, List<Bars> universe,
                           long fromMillis, int tradingDaysPerYear) {
        int n = curve.size();
        double last = n == 0 ? capital : curve.last();
        double fees = 0;
        double wins = 0;
        double losses = 0;
        int winCount = 0;
        int lossCount = 0;
        long barsHeld = 0;
        for (Trade t : trades) {
            fees += t.fees();
            barsHeld += t.barsHeld();
            if (t.pnl() > 0) {
                wins += t.pnl();
                winCount++;
            } else if (t.pnl() < 0) {
                losses -= t.pnl();
                lossCount++;
            }
        }
        long start = n == 0 ? 0 : curve.time(0);
        long end = n == 0 ? 0 : curve.time(n - 1);
        double netReturn = last / capital - 1;
        double years = (end - start) / YEAR_MILLIS;
        double cagr = years > 0 && last > 0 ? Math.pow(last / capital, 1 / years) - 1 : Double.NaN;

        double maxDd = 0;
        long maxDdLength = 0;
        double peak = capital;
        long peakTime = start;
        int invested = 0;
        for (int i = 0; i < n; i++) {
            double e = curve.equity(i);
            if (e >= peak) {
                maxDdLength = Math.max(maxDdLength, curve.time(i) - peakTime);
                peak = e;
                peakTime = curve.time(i);
            } else {
                maxDd = Math.max(maxDd, 1 - e / peak);
            }
            if (curve.invested(i)) {
                invested++;
            }
        }
        if (n > 0 && curve.equity(n - 1) < peak) {
            maxDdLength = Math.max(maxDdLength, end - peakTime);
        }
        ZoneId zone = universe.isEmpty() ? ZoneId.of("UTC") : universe.get(0).market().zone();
        double[] ratios = sharpeSortino(curve, capital, zone, tradingDaysPerYear, years);
        double avgWin = winCount == 0 ? 0 : wins / winCount;
        double avgLoss = lossCount == 0 ? 0 : -losses / lossCount;
        return new Metrics(netReturn, (last + fees) / capital - 1, cagr, maxDd, Duration.ofMillis(maxDdLength),
                ratios[0], ratios[1], maxDd > 0 ? cagr / maxDd : Double.NaN,
                trades.isEmpty() ? Double.NaN : (double) winCount / trades.size(),
                losses > 0 ? wins / losses : wins > 0 ? Double.POSITIVE_INFINITY : Double.NaN,
                trades.isEmpty() ? Double.NaN : (wins - losses) / trades.size(), avgWin, avgLoss,
                avgLoss < 0 ? avgWin / -avgLoss : Double.NaN, n == 0 ? 0 : (double) invested / n, trades.size(),
                trades.isEmpty() ? 0 : (double) barsHeld / trades.size(), fees,
                buyAndHold(universe, fromMillis), last, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
    }

    /** Daily returns (the equity at each exchange day's last bar) when the run spans 5 days or more. */
    private static double[] sharpeSortino(EquityCurve curve, double capital, ZoneId zone, int daysPerYear,
                                          double years) {
        // Day boundaries by offset arithmetic: a ZonedDateTime per equity point would cost more than the run.
        // The offset is looked up again only when a time passes the zone's next transition (the curve's times
        // increase), not for every point: the lookup was a tenth of a single-symbol run.
        var rules = zone.getRules();
        long day = Long.MIN_VALUE;
        double dayEnd = capital;
        List<Double> daily = new ArrayList<>();
        long offset = 0;
        long validFrom = Long.MAX_VALUE;
        long validUntil = Long.MIN_VALUE;
        for (int i = 0; i < curve.size(); i++) {
            long t = curve.time(i);
            if (t < validFrom || t >= validUntil) {
                Instant at = Instant.ofEpochMilli(t);
                offset = rules.getOffset(at).getTotalSeconds() * 1000L;
                var next = rules.isFixedOffset() ? null : rules.nextTransition(at);
                validFrom = t;
                validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
            }
            long d = Math.floorDiv(t + offset, 86_400_000L);
            if (day != Long.MIN_VALUE && d != day) {
                daily.add(dayEnd);
            }
            day = d;
            dayEnd = curve.equity(i);
        }
        if (day != Long.MIN_VALUE) {
            daily.add(dayEnd);
        }
        double[] returns;
        double periodsPerYear;
        double prev = capital;
        if (daily.size() >= 5) {
            returns = new double[daily.size()];
            for (int i = 0; i < returns.length; i++) {
                returns[i] = daily.get(i) / prev - 1;
                prev = daily.get(i);
            }
            periodsPerYear = daysPerYear;
        } else {
            returns = new double[curve.size()];
            for (int i = 0; i < returns.length; i++) {
                returns[i] = curve.equity(i) / prev - 1;
                prev = curve.equity(i);
            }
            periodsPerYear = years > 0 ? curve.size() / years : 0;
        }
        if (returns.length < 2 || periodsPerYear <= 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= returns.length;
        double var = 0;
        double down = 0;
        for (double r : returns) {
            var += (r - mean) * (r - mean);
            down += r < 0 ? r * r : 0;
        }
        double sd = Math.sqrt(var / (returns.length - 1));
        double dd = Math.sqrt(down / returns.length);
        double annual = Math.sqrt(periodsPerYear);
        return new double[] {sd > 0 ? mean / sd * annual : Double.NaN, dd > 0 ? mean / dd * annual : Double.NaN};
    }

    private static double buyAndHold(List<Bars> universe, long fromMillis) {
        double sum = 0;
        int count = 0;
        for (Bars b : universe) {
            int first = b.indexAtOrAfter(fromMillis);
            if (first < b.size()) {
                sum += b.close(b.size() - 1) / b.open(first) - 1;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
