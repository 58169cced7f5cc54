package dev.stratc.brokers.kis.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratc.brokers.kis.mock.MockKis;
import dev.stratc.brokers.kis.mock.MockPaperAccount;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.BrokerRun;
import dev.stratc.runtime.run.ConfigFiles;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.StrategySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code stratc run --mode paper --accounts config/accounts.yaml} does with a KIS 모의투자 account whose
 * addresses point at the mock: the runtime finds the adapter through its factory, streams the watch list over
 * KIS's socket, sends the strategy's orders, learns of the fills from the encrypted execution notices, journals
 * them and ends flat, with the broker agreeing.
 */
class KisPaperRunTest {
    private static final String SAMSUNG = "005930";

    @TempDir
    Path dir;
    private MockKis kis;

    @AfterEach
    void tearDown() throws Exception {
        Placeholders.useProcessEnvironment();
        kis.close();
    }

    @Test
    void aPaperRunConfiguredAgainstTheMockTradesThroughTheFactory() throws Exception {
        kis = new MockKis();
        MockPaperAccount.open(kis, 10_000_000);
        kis.addSymbol(SAMSUNG, "삼성전자", 70_000);
        Placeholders.useEnvironment(MockPaperAccount.environment());
        Path accounts = MockPaperAccount.writeAccountsFile(dir.resolve("accounts.yaml"), kis);
        // KIS stamps trades to the second (HHmmss), so one-second bars are the finest a KIS run can build.
        Duration bar = Duration.ofSeconds(1);
        SmaCrossProgram program = new SmaCrossProgram(1, 2, new Quantity.Units(5), Stops.NONE, bar);
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        RunEvents recorder = new RunEvents() {
            @Override
            public void orderEvent(ManagedOrder order, OrderEvent event) {
                events.add(event);
            }
        };
        Path state = dir.resolve("state");
        // The KRX calendar would refuse orders outside 09:00-15:30 KST, and this test runs at any hour.
        BrokerRun.Setup setup = new BrokerRun.Setup(state, program, StrategySettings.defaults(bar, seoul),
                EngineConfig.of("SmaCross", RunMode.PAPER, bar, seoul, "kisrun", 1), ConfigFiles.accounts(accounts),
                RiskLimits.none("CRYPTO"), Set.of(), recorder, List.of(SAMSUNG));

        AtomicBoolean stop = new AtomicBoolean();
        try (BrokerRun run = BrokerRun.open(setup)) {
            Thread engine = Thread.ofPlatform().name("engine").start(() -> {
                try {
                    run.run(stop::get);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await("the trade subscription", () -> kis.streamsTrades(SAMSUNG));
            // One trade early in each second: a fall, then a rise. A bar closes at the first trade after it, so the
            // buy decided at the close of the 70,100 bar fills at the price of the trade that closed it.
            tradeEachSecond(70_000, 69_900, 69_800, 70_100, 69_600);
            await("the buy's fill", () -> fills(events).size() == 1);
            assertThat(kis.holding(MockPaperAccount.APP_KEY, SAMSUNG)).isEqualTo(5);
            assertThat(run.accounts().getFirst().broker().positions()).singleElement().satisfies(p -> {
                assertThat(p.symbol()).isEqualTo(SAMSUNG);
                assertThat(p.quantity()).isEqualTo(5);
                assertThat(p.averagePrice()).isEqualTo(69_600);
            });
            // The 69,600 bar is a fall: the next print closes it and the strategy sells everything at market.
            tradeEachSecond(69_500);
            await("the sell's fill", () -> fills(events).size() == 2);
            stop.set(true);
            engine.join(5_000);

            assertThat(run.engine().portfolio().position(MockPaperAccount.ID, SAMSUNG).quantity()).isZero();
            assertThat(run.engine().portfolio().position(MockPaperAccount.ID, SAMSUNG).realizedPnl()).isNotZero();
        }
        assertThat(kis.holding(MockPaperAccount.APP_KEY, SAMSUNG)).isZero();
        assertThat(kis.calls("/uapi/domestic-stock/v1/trading/order-cash")).isEqualTo(2);
        assertThat(kis.violations()).isEmpty();
        // token_cache_dir is a setting, not a secret: accounts.yaml takes it, and the token is kept there
        assertThat(dir.resolve("kis-tokens")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("token-"));
        List<OrderEvent.Fill> fills = fills(events);
        assertThat(fills).extracting(OrderEvent.Fill::price).containsExactly(69_600.0, 69_500.0);
        assertThat(kis.cash(MockPaperAccount.APP_KEY)).isEqualTo(10_000_000 - 5 * 69_600 + 5 * 69_500);
        List<ObjectNode> journalledFills = Journal.readAll(state).records().stream()
                .filter(r -> r.path("type").asText().equals("event") && r.path("kind").asText().equals("Fill"))
                .toList();
        assertThat(journalledFills).extracting(r -> r.path("account").asText())
                .containsExactly(MockPaperAccount.ID, MockPaperAccount.ID);
        assertThat(journalledFills).extracting(r -> r.path("price").asDouble())
                .containsExactly(69_600.0, 69_500.0);
    }

    /**
     * KIS's notices carry no fee, yet the account pays its commission on both legs and the transaction tax on the
     * sell: the adapter charges the account's rates to each fill, so the run's cash and realized P&L are net and
     * agree with the deposit KIS keeps (to the won it rounds each fee to).
     */
    @Test
    void cashAndRealizedPnlAreNetOfTheAccountsCommissionAndTheSellTax() throws Exception {
        kis = new MockKis();
        kis.chargeFees(0.1, 0.2);
        MockPaperAccount.open(kis, 10_000_000);
        kis.addSymbol(SAMSUNG, "삼성전자", 70_000);
        Placeholders.useEnvironment(MockPaperAccount.environment());
        Path accounts = MockPaperAccount.writeAccountsFile(dir.resolve("accounts.yaml"), kis, """
                commission_percent: 0.1
                sell_tax_percent: 0.2%
                """);
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        double cash;
        double realized;
        try (BrokerRun run = BrokerRun.open(setup(accounts, events))) {
            buyAt69600ThenSellAt69500(run, events);
            cash = run.engine().portfolio().cash(MockPaperAccount.ID);
            realized = run.engine().portfolio().position(MockPaperAccount.ID, SAMSUNG).realizedPnl();
        }
        assertThat(fills(events)).extracting(OrderEvent.Fill::price).containsExactly(69_600.0, 69_500.0);
        double buyCommission = 5 * 69_600 * 0.001;            // 348
        double sellCommission = 5 * 69_500 * 0.001;          // 347.5
        double sellTax = 5 * 69_500 * 0.002;                  // 695
        assertThat(fills(events).get(0).commission()).isCloseTo(buyCommission, within(1e-6));
        assertThat(fills(events).get(1).commission()).isCloseTo(sellCommission + sellTax, within(1e-6));
        assertThat(realized).isCloseTo(5 * (69_500 - 69_600) - buyCommission - sellCommission - sellTax,
                within(1e-6)); // -1,890.5
        assertThat(cash).isCloseTo(10_000_000 - 5 * 69_600 - buyCommission + 5 * 69_500 - sellCommission - sellTax,
                within(1e-6)); // 9,998,109.5
        // KIS's deposit paid the same fees, each cut to the won
        assertThat((double) kis.cash(MockPaperAccount.APP_KEY)).isCloseTo(cash, within(1.0));
        assertThat(kis.feesCharged(MockPaperAccount.APP_KEY)).isEqualTo(348 + 347 + 695);
        assertThat(kis.violations()).isEmpty();
    }

    private BrokerRun.Setup setup(Path accounts, List<OrderEvent> events) throws Exception {
        Duration bar = Duration.ofSeconds(1);
        SmaCrossProgram program = new SmaCrossProgram(1, 2, new Quantity.Units(5), Stops.NONE, bar);
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        RunEvents recorder = new RunEvents() {
            @Override
            public void orderEvent(ManagedOrder order, OrderEvent event) {
                events.add(event);
            }
        };
        return new BrokerRun.Setup(dir.resolve("state"), program, StrategySettings.defaults(bar, seoul),
                EngineConfig.of("SmaCross", RunMode.PAPER, bar, seoul, "kisrun", 1), ConfigFiles.accounts(accounts),
                RiskLimits.none("CRYPTO"), Set.of(), recorder, List.of(SAMSUNG));
    }

    /** The prints of the first test: the strategy buys 5 at 69,600 and sells them at 69,500; the run then stops. */
    private void buyAt69600ThenSellAt69500(BrokerRun run, List<OrderEvent> events) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread engine = Thread.ofPlatform().name("engine").start(() -> {
            try {
                run.run(stop::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            await("the trade subscription", () -> kis.streamsTrades(SAMSUNG));
            tradeEachSecond(70_000, 69_900, 69_800, 70_100, 69_600);
            await("the buy's fill", () -> fills(events).size() == 1);
            tradeEachSecond(69_500);
            await("the sell's fill", () -> fills(events).size() == 2);
        } finally {
            stop.set(true);
            engine.join(5_000);
        }
    }

    private void tradeEachSecond(long... prices) throws InterruptedException {
        for (long price : prices) {
            Thread.sleep(1_100 - System.currentTimeMillis() % 1_000);
            kis.tradeAt(SAMSUNG, price, 100);
        }
    }

    private static List<OrderEvent.Fill> fills(List<OrderEvent> events) {
        return events.stream().filter(OrderEvent.Fill.class::isInstance).map(OrderEvent.Fill.class::cast).toList();
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; mock violations: " + kis.violations());
            }
            Thread.sleep(10);
        }
    }
}
