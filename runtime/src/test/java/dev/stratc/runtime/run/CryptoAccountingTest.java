package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.CryptoAccounts;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Stops;

/**
 * Accounting against a venue that keeps accounts like Binance: cash is the quote currency's free balance, a buy's
 * fee taken in the coin leaves less held, an exit sells what is held, and dust is reported once and left alone.
 */
class CryptoAccountingTest {
    private static final ReplayDataSet DATA = Runs.sample(6_000);

    @TempDir
    Path stateDir;

    @Test
    void cashIsTheQuoteCurrencysFreeBalanceAndOnePercentOfEquitySizesOnIt() throws Exception {
        SmaCrossProgram onePercent = new SmaCrossProgram(3, 8, new Quantity.PercentOfEquity(1), Stops.NONE,
                Duration.ofMinutes(1));
        Recorder recorder = new Recorder();
        try (SimulatedRun run = CryptoAccounts.open(CryptoAccounts.setup(stateDir, onePercent, DATA,
                RiskLimits.none("CRYPTO"), List.of("BN"), recorder), 1.0, Set.of())) {
            List<Balance> balances = run.accounts().getFirst().broker().balances();
            assertThat(balances).extracting(Balance::asset).contains("USD", "BTC", "ETH");
            Portfolio portfolio = run.engine().portfolio();
            assertThat(portfolio.cash("BN")).as("not 100,000 USD + 1 BTC + 10 ETH").isEqualTo(100_000);
            assertThat(portfolio.currency("BN")).isEqualTo("USD");

            run.run(() -> !recorder.sent.isEmpty());
            OrderIntent first = recorder.sent.getFirst();
            ManagedOrder order = run.engine().orders().get(first.clientOrderId());
            double expected = 100_000 * 0.01 / order.decisionPrice();
            assertThat(first.quantity()).isCloseTo(expected, within(CryptoAccounts.ENGINE_STEP));
            assertThat(portfolio.equity("BN")).isFinite().isGreaterThan(100_000);
        }
    }

    @Test
    void aBuysFeeInTheCoinLeavesLessHeldTheExitSellsWhatIsHeldAndDustIsReportedOnceNeverRetried()
            throws Exception {
        SmaCrossProgram trader = new SmaCrossProgram(3, 8, new Quantity.Units(0.01),
                new Stops(Double.NaN, Double.NaN, Double.NaN, Duration.ofMinutes(4).toMillis()), Duration.ofMinutes(1));
        Recorder recorder = new Recorder();
        try (SimulatedRun run = CryptoAccounts.open(CryptoAccounts.setup(stateDir, trader, DATA,
                RiskLimits.none("CRYPTO"), List.of("BN"), recorder), 0, Set.of())) {
            assertThat(run.run(() -> false)).isTrue();
            Portfolio portfolio = run.engine().portfolio();

            OrderEvent.Fill firstBuy = recorder.fills.stream().filter(f -> f.side() == Side.BUY).findFirst()
                    .orElseThrow();
            assertThat(firstBuy.commissionAsset()).isEqualTo("BTC");
            assertThat(firstBuy.commission()).isCloseTo(0.01 * 0.0005, within(1e-15));
            // each exit asks for what the books hold after the fee, never the 0.01 bought
            List<OrderIntent> sells = recorder.sent.stream().filter(i -> i.side() == Side.SELL).toList();
            assertThat(sells).isNotEmpty();
            assertThat(sells.getFirst().quantity()).isCloseTo(0.01 - 0.000005, within(1e-12));
            assertThat(recorder.orderEvents).filteredOn(e -> e instanceof OrderEvent.Rejected r
                    && r.reason() == RejectReason.INSUFFICIENT_POSITION).isEmpty();

            // the venue sold in whole lots, leaving 0.000005 each time: refused once as dust, then left alone
            List<OrderEvent.Rejected> dust = recorder.orderEvents.stream()
                    .filter(e -> e instanceof OrderEvent.Rejected r && r.message().contains("dust"))
                    .map(e -> (OrderEvent.Rejected) e).toList();
            long dustWarnings = recorder.warnings.stream().filter(w -> w.contains("kept as dust")).count();
            assertThat(dust).isNotEmpty();
            assertThat(dustWarnings).isEqualTo(dust.size());
            assertThat(recorder.sent).filteredOn(i -> i.quantity() < CryptoAccounts.LOT).hasSize(dust.size());
            assertThat(portfolio.dust("BN", "BTCUSD")).isCloseTo(dust.size() * 0.000005, within(1e-12));

            // the books and the venue agree coin for coin; nothing is mistaken for holdings outside the strategy
            double venue = run.exchange().broker("BN").positions().stream()
                    .filter(p -> p.symbol().equals("BTCUSD")).mapToDouble(BrokerPosition::quantity).sum();
            assertThat(portfolio.position("BN", "BTCUSD").quantity() + portfolio.dust("BN", "BTCUSD"))
                    .isCloseTo(venue, within(1e-12));
            assertThat(portfolio.outside("BN", "BTCUSD")).isZero();
            double usd = run.accounts().getFirst().broker().balances().stream()
                    .filter(b -> b.asset().equals("USD")).mapToDouble(Balance::total).sum();
            assertThat(portfolio.cash("BN")).isCloseTo(usd, within(1e-6));
        }
    }
}
