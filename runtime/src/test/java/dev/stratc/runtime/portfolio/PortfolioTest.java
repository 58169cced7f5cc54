package dev.stratc.runtime.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The books' arithmetic: what a trader checks against the broker's statement. */
class PortfolioTest {

    @Test
    void kisCommissionAndTheSellTaxAreInTheRealizedPnlTheCashAndTodaysPnl() {
        // KIS reports each fill's commission with the securities transaction tax of a sell included in it
        Portfolio books = new Portfolio();
        books.setCurrency("KIS", "KRW");
        books.setCash("KIS", 10_000_000);
        double buyFee = 10 * 70_000 * 0.00015;                         // 105
        double sellFeeAndTax = 10 * 71_000 * 0.00015 + 10 * 71_000 * 0.0018;  // 106.5 + 1,278
        books.fill("KIS", "005930", 10, 70_000, buyFee, 0, -1);
        books.fill("KIS", "005930", -10, 71_000, sellFeeAndTax, 0, -1);

        double net = 10 * 1_000 - buyFee - sellFeeAndTax;
        assertThat(books.position("KIS", "005930").realizedPnl()).isCloseTo(net, within(1e-9));
        assertThat(books.position("KIS", "005930").commissions()).isCloseTo(buyFee + sellFeeAndTax, within(1e-9));
        assertThat(books.cash("KIS")).isCloseTo(10_000_000 + net, within(1e-6));
        assertThat(books.dailyPnl("KIS")).isCloseTo(net, within(1e-6));
        assertThat(books.equity("KIS")).isCloseTo(10_000_000 + net, within(1e-6));
    }

    @Test
    void aFeeTakenInTheCoinBoughtLeavesLessHeldAndCountsAsACost() {
        Portfolio books = new Portfolio();
        books.setCurrency("BN", "USDT");
        books.setCash("BN", 100_000);
        books.fill("BN", "BTCUSDT", 0.01, 40_000, 0, 0.00001, 1, -1);

        Position position = books.position("BN", "BTCUSDT");
        assertThat(position.quantity()).isCloseTo(0.00999, within(1e-15));
        assertThat(books.cash("BN")).isCloseTo(100_000 - 400, within(1e-9));
        assertThat(position.commissions()).isCloseTo(0.4, within(1e-9));
        // selling what is held at the same price loses exactly the fee
        books.fill("BN", "BTCUSDT", -0.00999, 40_000, 0, 0, 2, -1);
        assertThat(position.quantity()).isZero();
        assertThat(position.realizedPnl()).isCloseTo(-0.4, within(1e-9));
        assertThat(books.equity("BN")).isCloseTo(100_000 - 0.4, within(1e-9));
    }

    @Test
    void unpricedHoldingsCountAsNothingAndNeverTurnEquityIntoNaN() {
        Portfolio books = new Portfolio();
        books.setCurrency("BN", "USDT");
        books.setCash("BN", 100_000);
        books.setOutside("BN", "ETHUSDT", 10);
        books.adjust("BN", "SOLUSDT", 3, Double.NaN, 0, -1);   // adopted, cost unknown

        assertThat(books.equity("BN")).isEqualTo(100_000);
        assertThat(books.tradingEquity("BN")).isEqualTo(100_000);
        assertThat(books.exposure("BN")).isZero();
        assertThat(books.dailyPnl("BN")).isZero();
        assertThat(books.position("BN", "SOLUSDT").unrealizedPnl()).isNaN();

        books.mark("ETHUSDT", 3_000);
        books.mark("SOLUSDT", 200);
        assertThat(books.equity("BN")).isEqualTo(100_000 + 30_000 + 600);
        assertThat(books.exposure("BN")).isEqualTo(30_600);
        assertThat(books.position("BN", "SOLUSDT").entryPrice()).as("the first price seen").isEqualTo(200);
        // the strategy trades with its own: the coins outside it neither size its orders nor make its P&L
        assertThat(books.tradingEquity("BN")).isEqualTo(100_600);
    }

    @Test
    void anAdjustmentToTheBrokersFigureMovesNoCash() {
        Portfolio books = new Portfolio();
        books.setCash("K", 1_000_000);
        books.fill("K", "000660", 10, 100_000, 0, 0, -1);
        books.adjust("K", "000660", 7, 90_000, 1, -1);
        assertThat(books.cash("K")).isEqualTo(0);
        assertThat(books.position("K", "000660").quantity()).isEqualTo(7);
        assertThat(books.position("K", "000660").entryPrice()).isEqualTo(100_000);
    }

    @Test
    void dustLeavesThePositionButStaysInTheAccountsEquity() {
        Portfolio books = new Portfolio();
        books.setCurrency("BN", "USDT");
        books.setCash("BN", 1_000);
        books.fill("BN", "BTCUSDT", 0.01, 40_000, 0, 0.00001, 1, -1);
        books.fill("BN", "BTCUSDT", -0.0099, 40_000, 0, 0, 2, -1);
        double before = books.equity("BN");

        assertThat(books.moveToDust("BN", "BTCUSDT", Double.NaN)).isCloseTo(0.00009, within(1e-15));
        assertThat(books.position("BN", "BTCUSDT").quantity()).isZero();
        assertThat(books.openPositions("BN")).isEmpty();
        assertThat(books.dust("BN", "BTCUSDT")).isCloseTo(0.00009, within(1e-15));
        assertThat(books.holdings("BN")).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(Holding.Kind.DUST);
            assertThat(h.value()).isCloseTo(3.6, within(1e-9));
        });
        assertThat(books.equity("BN")).isCloseTo(before, within(1e-9));
    }

    @Test
    void poolFiguresAreKeptPerCurrency() {
        Portfolio books = new Portfolio();
        books.setCurrency("KIS", "KRW");
        books.setCash("KIS", 10_000_000);
        books.setCurrency("BN", "USDT");
        books.setCash("BN", 5_000);
        assertThat(books.equityByCurrency()).containsEntry("KRW", 10_000_000.0).containsEntry("USDT", 5_000.0);
        books.fill("BN", "BTCUSDT", 0.1, 40_000, 2, 0, -1);
        books.mark("BTCUSDT", 41_000);
        assertThat(books.dailyPnlByCurrency()).containsEntry("KRW", 0.0).containsEntry("USDT", 98.0);
    }

    @Test
    void todaysPnlCountsFromTheStartOfDayEquityKeptForIt() {
        Portfolio books = new Portfolio();
        books.setCash("K", 1_000_000);
        books.fill("K", "A", 10, 10_000, 0, 0, -1);
        books.mark("A", 11_000);
        books.newDay();
        assertThat(books.dayStartEquity("K")).isEqualTo(1_010_000);
        books.mark("A", 10_500);
        assertThat(books.dailyPnl("K")).isEqualTo(-5_000);

        Portfolio restarted = new Portfolio();
        restarted.setCash("K", 1_000_000);
        restarted.fill("K", "A", 10, 10_000, 0, 0, -1);
        restarted.setDayStartEquity("K", 1_010_000);
        restarted.mark("A", 10_500);
        assertThat(restarted.dailyPnl("K")).isEqualTo(books.dailyPnl("K"));
    }
}
