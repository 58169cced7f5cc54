package dev.stratc.brokers.binance.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.binance.mock.Await;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.engine.Engine;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.pool.AccountPool;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.risk.RiskEngine;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.risk.TradingCalendar;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Signal;
import dev.stratc.strategy.StrategySettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paper session end to end: the mock testnet's trade stream feeds the runtime's engine, a moving-average
 * cross signals, the engine's order goes to Binance, the execution reports come back over the WebSocket API
 * and the engine's position matches the exchange's balance; then the cross down closes it.
 */
class BinanceTestnetSessionTest {
    private static final String ACCOUNT = "binance-testnet";

    @TempDir
    Path stateDir;
    private MockRig rig;
    private BinanceBroker broker;
    private Journal journal;
    private final BlockingQueue<MarketEvent> market = new LinkedBlockingQueue<>();
    private final List<Signal> signals = new CopyOnWriteArrayList<>();
    private final List<OrderEvent> orderEvents = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        rig = new MockRig();
        rig.exchange.setBalance(MockBinance.DOC_API_KEY, "USDT", "100000");
        // fees paid in BNB: the strategy's BTC is exactly what it bought
        rig.exchange.setBalance(MockBinance.DOC_API_KEY, "BNB", "1");
        rig.exchange.payFeesInBnb(MockBinance.DOC_API_KEY, "600");
        broker = new BinanceBroker(BinanceBrokerContractTest.settings(rig), BinanceBrokerContractTest.host(rig));
    }

    @AfterEach
    void tearDown() throws Exception {
        broker.stop();
        if (journal != null) {
            journal.close();
        }
        rig.close();
    }

    @Test
    void aSignalBecomesAnOrderAFillAndAPositionThenTheCrossDownClosesIt() throws Exception {
        Account account = new Account(ACCOUNT, broker, List.of(), Set.of(), AccountLimits.NONE);
        AccountPool pool = new AccountPool(List.of(account), null, Map.of());
        ZoneId utc = ZoneId.of("UTC");
        SmaCrossProgram program = new SmaCrossProgram(2, 4, new dev.stratc.strategy.Quantity.Units(0.5),
                dev.stratc.strategy.Stops.NONE, Duration.ofMinutes(1));
        journal = Journal.openWithoutDiskSync(stateDir, utc, 0);
        RiskEngine risk = new RiskEngine(RiskLimits.none("CRYPTO"), TradingCalendar.named("CRYPTO", Set.of()),
                new KillSwitch(stateDir, 500));
        RunEvents events = new RunEvents() {
            @Override
            public void signal(Signal signal) {
                signals.add(signal);
            }

            @Override
            public void orderEvent(ManagedOrder order, OrderEvent event) {
                orderEvents.add(event);
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        Engine engine = new Engine(EngineConfig.of("SmaCross", RunMode.PAPER, Duration.ofMinutes(1), utc, "bn", 0.00001),
                program, StrategySettings.defaults(Duration.ofMinutes(1), utc), pool, risk, journal, events);
        BrokerListener toEngine = engine.listener(account);
        broker.start(new BrokerListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                toEngine.onOrderEvent(event);
            }

            @Override
            public void onMarketEvent(MarketEvent event) {
                market.add(event); // the run's market-data bus
            }

            @Override
            public void onConnection(boolean up, String detail) {
                toEngine.onConnection(up, detail);
            }
        });
        broker.subscribe(Set.of("BTCUSDT"));
        Await.until("the market stream", () -> rig.exchange.openMarketSockets() == 1);
        engine.advanceClock(rig.exchange.serverTime());
        engine.openAccount(ACCOUNT, 100_000);

        // one trade a minute: falling closes, then rising ones (cross up, buy), then falling again (cross down, sell)
        long seq = 0;
        double[] closes = {30000, 29900, 29800, 29700, 29600, 29800, 30100, 30400, 30700, 30200, 29700, 29200, 28700};
        for (double close : closes) {
            rig.clock.advance(Duration.ofMinutes(1));
            String price = BigDecimal.valueOf(close).toPlainString();
            rig.exchange.setBook("BTCUSDT", BigDecimal.valueOf(close - 0.5).toPlainString(), price);
            rig.exchange.trade("BTCUSDT", price, "0.1");
            MarketEvent event = market.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("the trade at %s from the stream", price).isNotNull();
            engine.onMarket(seq++, event);
            // let the order's REST answer and execution reports arrive before the next minute
            Thread.sleep(150);
            engine.drain();
            market.removeIf(e -> e instanceof MarketEvent.Quote);
        }

        assertThat(signals).extracting(Signal::name).contains("CROSS_UP");
        List<OrderEvent.Fill> fills = orderEvents.stream().filter(OrderEvent.Fill.class::isInstance)
                .map(OrderEvent.Fill.class::cast).toList();
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).side()).isEqualTo(dev.stratc.runtime.broker.Side.BUY);
        assertThat(fills.get(0).quantity()).isEqualTo(0.5);
        assertThat(fills.get(1).side()).isEqualTo(dev.stratc.runtime.broker.Side.SELL);
        assertThat(fills).extracting(OrderEvent.Fill::tradeId).doesNotHaveDuplicates();
        Position position = engine.portfolio().position(ACCOUNT, "BTCUSDT");
        assertThat(position.quantity()).isZero();
        assertThat(position.realizedPnl()).isNotZero();
        assertThat(broker.positions()).extracting(BrokerPosition::symbol).doesNotContain("BTCUSDT");
        assertThat(rig.exchange.free(MockBinance.DOC_API_KEY, "BTC")).isZero();
        assertThat(warnings).isEmpty();
    }
}
