package dev.stratc.runtime.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.order.OrderManager;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.strategy.AccountChoice;

/** Each pre-trade check refuses on its own, with its code and a message naming the figures. */
class RiskEngineTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Tuesday 2026-11-24 10:00 in Seoul: KRX is open. */
    private static final long OPEN = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, SEOUL).toInstant().toEpochMilli();

    @TempDir
    Path stateDir;
    private Portfolio portfolio;
    private KillSwitch killSwitch;

    @BeforeEach
    void books() {
        portfolio = new Portfolio();
        portfolio.setCash("A", 100_000_000);
        portfolio.setCash("B", 100_000_000);
        portfolio.mark("005930", 70_000);
        portfolio.mark("000660", 200_000);
        portfolio.mark("035720", 50_000);
        killSwitch = new KillSwitch(stateDir, 0);
    }

    private static RiskLimits limits(double maxPositionValue, int perAccount, int total, double exposureAccount,
                                     double exposureTotal, int tradesPerDay, double dailyLoss, boolean reentry,
                                     double band, double rate) {
        return new RiskLimits(maxPositionValue, perAccount, total, exposureAccount, exposureTotal, tradesPerDay,
                dailyLoss, false, reentry, band, rate, "KRX", 10);
    }

    private static RiskLimits loose() {
        return limits(0, 0, 0, 0, 0, 0, 0, true, Double.NaN, 0);
    }

    private RiskEngine engine(RiskLimits limits) {
        return new RiskEngine(limits, TradingCalendar.named("KRX", Set.of(LocalDate.of(2026, 12, 25))), killSwitch);
    }

    private static OrderIntent buy(String symbol, double quantity) {
        return new OrderIntent("id-" + symbol, symbol, Side.BUY, OrderType.MARKET, quantity, Double.NaN,
                new AccountChoice.Named("A"), null, "test", false, 0, OPEN);
    }

    private static OrderIntent at(OrderIntent intent, long time) {
        return new OrderIntent(intent.clientOrderId(), intent.symbol(), intent.side(), intent.type(), intent.quantity(),
                intent.limitPrice(), intent.account(), intent.tag(), intent.reason(), intent.reducing(), 0, time);
    }

    private Refusal check(RiskEngine risk, OrderIntent intent, String account) {
        return risk.check(intent, account, AccountLimits.NONE, portfolio, OPEN);
    }

    @Test
    void anOrderWithinEveryLimitPasses() {
        assertThat(check(engine(limits(10_000_000, 5, 10, 50_000_000, 80_000_000, 10, 1_000_000, false, 30, 5)),
                buy("005930", 10), "A")).isNull();
    }

    @Test
    void maximumPositionValue() {
        portfolio.fill("A", "005930", 100, 70_000, 0, OPEN, 0);
        Refusal refusal = check(engine(limits(10_000_000, 0, 0, 0, 0, 0, 0, true, Double.NaN, 0)),
                buy("005930", 50), "A");
        assertThat(refusal.code()).isEqualTo(Refusal.Code.POSITION_VALUE);
        assertThat(refusal.message()).contains("10500000").contains("10000000");
    }

    @Test
    void maximumPositionsPerAccountCountsOnlyThatAccountAndTheTighterOfRunAndAccountLimits() {
        portfolio.fill("A", "005930", 1, 70_000, 0, OPEN, 0);
        portfolio.fill("A", "000660", 1, 200_000, 0, OPEN, 0);
        RiskEngine risk = engine(limits(0, 5, 0, 0, 0, 0, 0, true, Double.NaN, 0));
        assertThat(risk.check(buy("035720", 1), "A", new AccountLimits(2, 0), portfolio, OPEN).code())
                .isEqualTo(Refusal.Code.POSITIONS_PER_ACCOUNT);
        assertThat(risk.check(buy("035720", 1), "B", new AccountLimits(2, 0), portfolio, OPEN)).isNull();
        // adding to a position already held opens no new one
        assertThat(risk.check(buy("005930", 1), "A", new AccountLimits(2, 0), portfolio, OPEN)).isNull();
    }

    @Test
    void maximumPositionsInTotal() {
        portfolio.fill("A", "005930", 1, 70_000, 0, OPEN, 0);
        portfolio.fill("B", "000660", 1, 200_000, 0, OPEN, 0);
        assertThat(check(engine(limits(0, 0, 2, 0, 0, 0, 0, true, Double.NaN, 0)), buy("035720", 1), "A").code())
                .isEqualTo(Refusal.Code.POSITIONS_TOTAL);
    }

    @Test
    void entriesSentAndNotYetFilledCountAsHeld() {
        OrderManager orders = new OrderManager();
        orders.add(buy("005930", 100), "A", OPEN, 70_000, true);
        orders.add(buy("000660", 100), "A", OPEN, 200_000, true);
        RiskEngine risk = engine(limits(0, 2, 0, 30_000_000, 0, 0, 0, true, Double.NaN, 0));
        assertThat(risk.check(buy("035720", 1), "A", AccountLimits.NONE, portfolio, orders.pendingEntries(), OPEN)
                .code()).isEqualTo(Refusal.Code.POSITIONS_PER_ACCOUNT);
        assertThat(risk.check(buy("005930", 10), "A", AccountLimits.NONE, portfolio, orders.pendingEntries(), OPEN)
).as("27,700,000 within 30,000,000").isNull();
        assertThat(risk.check(buy("005930", 50), "A", AccountLimits.NONE, portfolio, orders.pendingEntries(), OPEN)
                .code()).isEqualTo(Refusal.Code.EXPOSURE_PER_ACCOUNT);
        assertThat(risk.check(buy("035720", 1), "A", AccountLimits.NONE, portfolio, OPEN)).as("without them").isNull();
    }

    @Test
    void maximumExposurePerAccount() {
        portfolio.fill("A", "005930", 500, 70_000, 0, OPEN, 0);
        Refusal refusal = check(engine(limits(0, 0, 0, 40_000_000, 0, 0, 0, true, Double.NaN, 0)),
                buy("000660", 30), "A");
        assertThat(refusal.code()).isEqualTo(Refusal.Code.EXPOSURE_PER_ACCOUNT);
        assertThat(refusal.message()).contains("account A").contains("41000000");
    }

    @Test
    void maximumExposureInTotal() {
        portfolio.fill("A", "005930", 500, 70_000, 0, OPEN, 0);
        portfolio.fill("B", "000660", 100, 200_000, 0, OPEN, 0);
        assertThat(check(engine(limits(0, 0, 0, 0, 60_000_000, 0, 0, true, Double.NaN, 0)), buy("035720", 200), "B")
                .code()).isEqualTo(Refusal.Code.EXPOSURE_TOTAL);
    }

    @Test
    void maximumTradesPerDayAndItsResetAtTheNextDay() {
        RiskEngine risk = engine(limits(0, 0, 0, 0, 0, 2, 0, true, Double.NaN, 0));
        risk.sent(buy("005930", 1), OPEN);
        risk.sent(buy("000660", 1), OPEN + 5_000);
        assertThat(check(risk, buy("035720", 1), "A").code()).isEqualTo(Refusal.Code.TRADES_PER_DAY);
        risk.newDay();
        assertThat(check(risk, buy("035720", 1), "A")).isNull();
    }

    @Test
    void dailyLossThrowsTheKillSwitchWhichThenRefusesEntriesButLetsExitsThrough() {
        RiskEngine risk = engine(limits(0, 0, 0, 0, 0, 0, 1_000_000, true, Double.NaN, 0));
        portfolio.fill("A", "005930", 100, 70_000, 0, OPEN, 0);
        portfolio.mark("005930", 65_000);
        assertThat(risk.checkDailyLoss(portfolio)).isFalse();
        portfolio.mark("005930", 59_000);
        assertThat(risk.checkDailyLoss(portfolio)).isTrue();
        assertThat(killSwitch.file()).exists();
        assertThat(killSwitch.reason()).hasValueSatisfying(r -> assertThat(r).contains("daily loss"));

        Refusal refusal = check(risk, buy("000660", 1), "A");
        assertThat(refusal.code()).isEqualTo(Refusal.Code.KILL_SWITCH);
        OrderIntent exit = new OrderIntent("x", "005930", Side.SELL, OrderType.MARKET, 100, Double.NaN,
                new AccountChoice.Named("A"), null, "exit", true, 0, OPEN);
        assertThat(check(risk, exit, "A")).isNull();
    }

    @Test
    void tradingHoursFollowTheKrxCalendarForEntriesAndExits() {
        RiskEngine risk = engine(loose());
        long beforeOpen = ZonedDateTime.of(2026, 11, 24, 8, 59, 0, 0, SEOUL).toInstant().toEpochMilli();
        long atClose = ZonedDateTime.of(2026, 11, 24, 15, 30, 0, 0, SEOUL).toInstant().toEpochMilli();
        long saturday = ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, SEOUL).toInstant().toEpochMilli();
        long holiday = ZonedDateTime.of(2026, 12, 25, 10, 0, 0, 0, SEOUL).toInstant().toEpochMilli();
        for (long closed : new long[] {beforeOpen, atClose, saturday, holiday}) {
            assertThat(check(risk, at(buy("005930", 1), closed), "A").code())
                    .isEqualTo(Refusal.Code.OUTSIDE_TRADING_HOURS);
        }
        assertThat(check(risk, buy("005930", 1), "A")).isNull();
        portfolio.mark("BTCUSDT", 90_000);
        assertThat(new RiskEngine(loose(), TradingCalendar.named("CRYPTO", Set.of()), killSwitch)
                .check(at(buy("BTCUSDT", 1), saturday), "A", AccountLimits.NONE, portfolio, saturday)).isNull();
    }

    @Test
    void noReentryIntoASymbolSoldTodayUnlessAllowed() {
        RiskEngine strict = engine(limits(0, 0, 0, 0, 0, 0, 0, false, Double.NaN, 0));
        strict.sold("005930");
        assertThat(check(strict, buy("005930", 1), "A").code()).isEqualTo(Refusal.Code.REENTRY);
        assertThat(check(strict, buy("000660", 1), "A")).isNull();
        RiskEngine allowed = engine(loose());
        allowed.sold("005930");
        assertThat(check(allowed, buy("005930", 1), "A")).isNull();
    }

    @Test
    void limitPricesMustLieInsideTheDailyPriceBand() {
        RiskEngine risk = engine(limits(0, 0, 0, 0, 0, 0, 0, true, 30, 0));
        risk.referencePrice("005930", 70_000);
        OrderIntent inside = new OrderIntent("a", "005930", Side.BUY, OrderType.LIMIT, 1, 90_000,
                new AccountChoice.Named("A"), null, "", false, 0, OPEN);
        OrderIntent outside = new OrderIntent("b", "005930", Side.BUY, OrderType.LIMIT, 1, 91_100,
                new AccountChoice.Named("A"), null, "", false, 0, OPEN);
        assertThat(check(risk, inside, "A")).isNull();
        Refusal refusal = check(risk, outside, "A");
        assertThat(refusal.code()).isEqualTo(Refusal.Code.PRICE_BAND);
        assertThat(refusal.message()).contains("91100").contains("70000");
    }

    @Test
    void maximumOrderRateOverASlidingSecond() {
        RiskEngine risk = engine(limits(0, 0, 0, 0, 0, 0, 0, true, Double.NaN, 2));
        risk.sent(buy("005930", 1), OPEN - 900);
        risk.sent(buy("005930", 1), OPEN - 100);
        assertThat(risk.check(buy("000660", 1), "A", AccountLimits.NONE, portfolio, OPEN))
                .as("over the rate an order waits; it is not refused").isNull();
        assertThat(risk.rateWaitMillis(OPEN)).isEqualTo(100);
        assertThat(risk.rateWaitMillis(OPEN + 100)).isZero();
    }

    @Test
    void theKillSwitchThrownByHandStaysUntilAPersonClearsIt() {
        RiskEngine risk = engine(loose());
        assertThat(check(risk, buy("005930", 1), "A")).isNull();
        new KillSwitch(stateDir, 0).engage("stratc kill: going to lunch");
        assertThat(check(risk, buy("005930", 1), "A").message()).contains("going to lunch");
        risk.newDay();
        KillSwitch afterRestart = new KillSwitch(stateDir, 0);
        assertThat(afterRestart.engaged()).isTrue();
        assertThat(afterRestart.clear()).isTrue();
        assertThat(check(risk, buy("005930", 1), "A")).as("the running engine sees it cleared").isNull();
    }
}
