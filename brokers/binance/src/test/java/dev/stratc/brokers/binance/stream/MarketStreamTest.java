package dev.stratc.brokers.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.binance.mock.Await;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.brokers.binance.rest.BookTicker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketStreamTest {
    private MockRig rig;
    private final List<TradeEvent> trades = new CopyOnWriteArrayList<>();
    private final List<KlineEvent> klines = new CopyOnWriteArrayList<>();
    private final List<BookTicker> tickers = new CopyOnWriteArrayList<>();
    private final List<long[]> gaps = new CopyOnWriteArrayList<>();
    private final MarketListener listener = new MarketListener() {
        @Override
        public void onTrade(TradeEvent trade) {
            trades.add(trade);
        }

        @Override
        public void onKline(KlineEvent kline) {
            klines.add(kline);
        }

        @Override
        public void onBookTicker(BookTicker ticker) {
            tickers.add(ticker);
        }

        @Override
        public void onGap(long lostAtMillis, long resumedAtMillis) {
            gaps.add(new long[] {lostAtMillis, resumedAtMillis});
        }
    };

    @BeforeEach
    void setUp() {
        rig = new MockRig();
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
    }

    private MarketStream start(StreamTimings timings) {
        MarketStream stream = new MarketStream(rig.http, rig.exchange.streamUrl(),
                List.of(MarketStream.tradeStream("BTCUSDT"), MarketStream.klineStream("BTCUSDT", "1m"),
                        MarketStream.bookTickerStream("BTCUSDT")),
                listener, rig.json, rig.scheduler, timings, rig.alerts::add, rig.clock);
        stream.start();
        Await.until("the stream is connected", () -> rig.exchange.openMarketSockets() == 1 && stream.isConnected());
        return stream;
    }

    @Test
    void tradesKlinesAndBookTickersArriveTypedFromTheCombinedStream() {
        try (MarketStream stream = start(MockRig.FAST)) {
            assertThat(stream.connectionsOpened()).isEqualTo(1);
            rig.exchange.publishTrade("BTCUSDT", "30000.10", "0.25");
            rig.exchange.publishKline("BTCUSDT", "1m", 1_700_000_040_000L, "30000", "30010", "29990", "30005", "12.5", false);
            rig.exchange.publishKline("BTCUSDT", "1m", 1_700_000_040_000L, "30000", "30012", "29990", "30011", "13.0", true);
            rig.exchange.publishBookTicker("BTCUSDT", 400900217, "29999.99", "1.2", "30000.01", "0.8");

            Await.until("the trade", () -> trades.size() == 1);
            Await.until("the ticker", () -> tickers.size() == 1);
            Await.until("two klines", () -> klines.size() == 2);
            assertThat(trades.get(0).price()).isEqualByComparingTo("30000.10");
            assertThat(trades.get(0).quantity()).isEqualByComparingTo("0.25");
            assertThat(klines.get(1).closed()).isTrue();
            assertThat(klines.get(1).close()).isEqualByComparingTo("30011");
            assertThat(klines.get(1).closeTime()).isEqualTo(1_700_000_099_999L);
            assertThat(tickers.get(0).askPrice()).isEqualByComparingTo("30000.01");
        }
    }

    @Test
    void serverShutdownIsAnsweredByANewConnectionBeforeTheOldOneCloses() throws Exception {
        try (MarketStream stream = start(MockRig.FAST)) {
            for (int i = 0; i < 300; i++) {
                if (i == 100) {
                    rig.exchange.announceShutdown();
                }
                rig.exchange.publishTrade("BTCUSDT", "30000.00", "0.001");
                Thread.sleep(1);
            }

            Await.until("every trade", () -> trades.size() >= 300);
            Thread.sleep(50);
            assertThat(trades).extracting(TradeEvent::tradeId).doesNotHaveDuplicates().hasSize(300);
            assertThat(stream.connectionsOpened()).isEqualTo(2);
            assertThat(gaps).isEmpty();
            Await.until("the old connection is closed", () -> rig.exchange.openMarketSockets() == 1);
            assertThat(rig.exchange.marketSockets().get(0).isClosed()).isTrue();
        }
    }

    @Test
    void theDailyReplacementOverlapsConnectionsAndLosesNothing() throws Exception {
        StreamTimings shortLife = new StreamTimings(Duration.ofMillis(150), Duration.ofMillis(500),
                Duration.ofMillis(20), Duration.ofMillis(200), 3);
        try (MarketStream stream = start(shortLife)) {
            for (int i = 0; i < 250; i++) {
                rig.exchange.publishTrade("BTCUSDT", "30000.00", "0.001");
                Thread.sleep(2);
            }

            Await.until("every trade", () -> trades.size() >= 250);
            assertThat(trades).extracting(TradeEvent::tradeId).doesNotHaveDuplicates().hasSize(250);
            assertThat(stream.connectionsOpened()).isGreaterThanOrEqualTo(2);
            assertThat(gaps).isEmpty();
        }
    }

    @Test
    void aDroppedConnectionIsReopenedAndTheGapReported() {
        try (MarketStream stream = start(MockRig.FAST)) {
            rig.exchange.publishTrade("BTCUSDT", "30000.00", "0.001");
            Await.until("the first trade", () -> trades.size() == 1);

            rig.exchange.dropMarketConnections();
            Await.until("a new connection", () -> rig.exchange.openMarketSockets() == 1 && stream.isConnected());
            rig.exchange.publishTrade("BTCUSDT", "30001.00", "0.002");

            Await.until("the trade after the drop", () -> trades.size() == 2);
            Await.until("the gap report", () -> gaps.size() == 1);
            assertThat(gaps.get(0)[1]).isGreaterThanOrEqualTo(gaps.get(0)[0]);
            assertThat(stream.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void aClosingUpdateOfACandleIsKeptEvenWhenTheNextCandleWasSeenFirst() {
        try (MarketStream stream = start(MockRig.FAST)) {
            assertThat(stream.isConnected()).isTrue();
            rig.exchange.publishKline("BTCUSDT", "1m", 1_700_000_100_000L, "1", "1", "1", "1", "1", false);
            rig.exchange.publishKline("BTCUSDT", "1m", 1_700_000_040_000L, "2", "2", "2", "2", "2", true);
            rig.exchange.publishKline("BTCUSDT", "1m", 1_700_000_040_000L, "3", "3", "3", "3", "3", false);
            rig.exchange.publishKline("BTCUSDT", "1m", 1_700_000_040_000L, "2", "2", "2", "2", "2", true);

            Await.until("two klines", () -> klines.size() >= 2);
            assertThat(klines).extracting(KlineEvent::closed).containsExactly(false, true);
        }
    }
}
