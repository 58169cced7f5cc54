package dev.stratc.brokers.kis.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.kis.KisFixture;
import dev.stratc.brokers.kis.KisInvalidOrderException;
import dev.stratc.brokers.kis.KisMode;
import dev.stratc.brokers.kis.KisOrderRejectedException;
import dev.stratc.brokers.kis.KisSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST endpoints against the mock KIS, which refuses anything the real server would. */
class KisRestClientTest {

    @TempDir
    Path tokens;

    private KisFixture fixture;
    private KisSession real;

    @BeforeEach
    void start() {
        fixture = new KisFixture(tokens);
        real = fixture.session(fixture.config(KisMode.REAL));
    }

    @AfterEach
    void close() throws Exception {
        assertThat(fixture.kis.violations()).isEmpty();
        fixture.close();
    }

    @Test
    void currentPriceCarriesTheDailyBand() {
        KisQuote quote = real.quotations().price("A005930");
        assertThat(quote.symbol()).isEqualTo("005930");
        assertThat(quote.price()).isEqualByComparingTo("70000");
        assertThat(quote.upperLimit()).isEqualByComparingTo("91000");
        assertThat(quote.lowerLimit()).isEqualByComparingTo("49000");
        assertThat(quote.tickSize()).isEqualTo(100);
    }

    @Test
    void multiSymbolQuotesGoThirtyToARequestAndSkipUnknownCodes() {
        for (int i = 0; i < 40; i++) {
            fixture.kis.addSymbol(String.format("1%05d", i), "종목" + i, 10_000 + 10L * i);
        }
        List<String> symbols = new ArrayList<>(IntStream.range(0, 40).mapToObj(i -> String.format("1%05d", i)).toList());
        symbols.add("999999"); // not listed: KIS leaves it out of the answer
        symbols.add(KisFixture.NEW_CODE);
        Map<String, KisQuote> quotes = real.quotations().prices(symbols);
        assertThat(fixture.kis.calls("/uapi/domestic-stock/v1/quotations/intstock-multprice")).isEqualTo(2);
        assertThat(quotes).hasSize(41).doesNotContainKey("999999");
        assertThat(quotes.get("100039").price()).isEqualByComparingTo("10390");
        assertThat(quotes.get(KisFixture.NEW_CODE).name()).isEqualTo("신규상장");
    }

    @Test
    void dailyBarsArePagedBackwardsAHundredAtATimeAndReturnedOldestFirst() {
        List<String[]> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 1, 2);
        for (int i = 0; i < 250; i++, day = day.plusDays(1)) {
            long close = 50_000 + 100L * i;
            rows.add(new String[] {day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                    Long.toString(close - 100), Long.toString(close + 200), Long.toString(close - 300),
                    Long.toString(close), Long.toString(1_000_000 + i)});
        }
        fixture.kis.setDailyBars(KisFixture.SAMSUNG, rows);

        List<KisBar> bars = real.quotations().periodBars(KisFixture.SAMSUNG, KisDomesticQuotations.Period.DAY,
                LocalDate.of(2025, 1, 2), LocalDate.of(2025, 9, 8), true);
        assertThat(bars).hasSize(250);
        assertThat(fixture.kis.calls("/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice")).isEqualTo(3);
        assertThat(bars.get(0).start().toLocalDate()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(bars.get(249).close()).isEqualByComparingTo("74900");
        assertThat(bars).isSortedAccordingTo(java.util.Comparator.comparing(KisBar::start));
    }

    @Test
    void todaysMinuteBarsArePagedThirtyAtATime() {
        List<String[]> rows = new ArrayList<>();
        for (LocalTime t = LocalTime.of(9, 0); t.isBefore(LocalTime.of(10, 10)); t = t.plusMinutes(1)) {
            rows.add(new String[] {"20251121", t.format(java.time.format.DateTimeFormatter.ofPattern("HHmmss")),
                    "70000", "70100", "69900", "70000", "1234"});
        }
        fixture.kis.setMinuteBars(KisFixture.SAMSUNG, rows);
        List<KisBar> bars = real.quotations().todayMinuteBars(KisFixture.SAMSUNG, LocalTime.of(15, 30),
                LocalTime.of(9, 0));
        assertThat(bars).hasSize(70);
        assertThat(bars.get(0).start().toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(fixture.kis.calls("/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice")).isEqualTo(3);
    }

    @Test
    void orderBookHasTenLevelsASide() {
        KisOrderBook book = real.quotations().orderBook(KisFixture.SAMSUNG);
        assertThat(book.asks()).hasSize(10);
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("70100");
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("70000");
    }

    @Test
    void ordersAreRoundedToTheTickAndOutOfBandPricesNeverLeave() {
        KisOrderAck ack = real.trading().buy(KisFixture.SAMSUNG, 3, KisOrderDivision.LIMIT,
                new BigDecimal("65432"));
        assertThat(ack.orderNo()).hasSize(10).containsOnlyDigits();
        assertThat(ack.branch()).isEqualTo("06010");
        assertThat(real.trading().executions(LocalDate.now(java.time.ZoneId.of("Asia/Seoul")),
                LocalDate.now(java.time.ZoneId.of("Asia/Seoul"))).get(0).orderPrice()).isEqualByComparingTo("65400");

        int ordersBefore = fixture.kis.calls("/uapi/domestic-stock/v1/trading/order-cash");
        assertThatThrownBy(() -> real.trading().buy(KisFixture.SAMSUNG, 1, KisOrderDivision.LIMIT,
                new BigDecimal("95000")))
                .isInstanceOf(KisInvalidOrderException.class)
                .hasMessageContaining("outside today's price band 49000–91000");
        assertThat(fixture.kis.calls("/uapi/domestic-stock/v1/trading/order-cash")).isEqualTo(ordersBefore);
    }

    @Test
    void businessErrorsAreTypedWithKisCodeAndMessage() {
        assertThatThrownBy(() -> real.trading().buy(KisFixture.SAMSUNG, 10_000, KisOrderDivision.MARKET, null))
                .isInstanceOfSatisfying(KisOrderRejectedException.class, e -> {
                    assertThat(e.msgCd()).isEqualTo("APBK0952");
                    assertThat(e.msg1()).isEqualTo("주문가능금액을 초과 했습니다"); // padding trimmed
                    assertThat(e.trId()).isEqualTo("TTTC0012U");
                    assertThat(e.getMessage()).contains("buy 10000 005930 for account *******1-01");
                });
    }

    @Test
    void paperUsesPaperTrIdsAndPagesTheBalanceTwentyRowsAtATime() {
        KisSession paper = fixture.session(fixture.config(KisMode.PAPER));
        for (int i = 0; i < 25; i++) {
            String code = String.format("2%05d", i);
            fixture.kis.addSymbol(code, "종목" + i, 1_000);
            fixture.kis.addHolding(KisFixture.PAPER_KEY, code, 10 + i, 990);
        }
        paper.trading().buy("200000", 1, KisOrderDivision.MARKET, null); // VTTC0012U, or the mock refuses it
        KisBalance balance = paper.trading().balance();
        assertThat(fixture.kis.calls("/uapi/domestic-stock/v1/trading/inquire-balance")).isEqualTo(2);
        assertThat(balance.holdings()).hasSize(25);
        assertThat(balance.holdings().get(0).quantity()).isEqualTo(11);
        assertThat(balance.holdings().get(24).averagePrice()).isEqualByComparingTo("990");
        assertThat(balance.deposit()).isEqualByComparingTo(Long.toString(10_000_000 - 1_000));
    }

    @Test
    void dailyExecutionsFollowTheContextKeysAcrossPages() {
        for (int i = 0; i < 105; i++) {
            real.trading().buy(KisFixture.SAMSUNG, 1, KisOrderDivision.MARKET, null);
        }
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        List<KisExecution> executions = real.trading().executions(today, today);
        assertThat(executions).hasSize(105).allSatisfy(e -> {
            assertThat(e.filledQuantity()).isEqualTo(1);
            assertThat(e.side()).isEqualTo(KisExecution.Side.BUY);
        });
        assertThat(executions).extracting(KisExecution::orderNo).doesNotHaveDuplicates();
        assertThat(fixture.kis.calls("/uapi/domestic-stock/v1/trading/inquire-daily-ccld")).isEqualTo(2);
    }

    @Test
    void overLimitRequestsAreSlowedAndRetriedNotFailed() throws Exception {
        // KIS takes only 5 a second from this key (a new key, or another program on it); four threads hammer it.
        fixture.kis.setRateLimit(KisFixture.REAL_KEY, 5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<KisQuote>> quotes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                quotes.add(pool.submit(() -> real.quotations().price(KisFixture.SAMSUNG)));
            }
            for (Future<KisQuote> quote : quotes) {
                assertThat(quote.get().price()).isEqualByComparingTo("70000");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.kis.rateLimited(KisFixture.REAL_KEY)).isPositive();
        assertThat(real.rest().limiter().currentRate()).isLessThan(20);
        assertThat(real.rest().limiter().slowdowns()).isPositive();
    }

    @Test
    void usStocksUseTheQuoteCodeForPricesAndTheOrderCodeForOrders() {
        var quote = real.overseas().price(OverseasExchange.parse("NASD"), "aapl");
        assertThat(quote.last()).isEqualByComparingTo("191.24");
        KisOrderAck ack = real.overseas().sell(OverseasExchange.NASDAQ, "AAPL", 1, new BigDecimal("191.50"));
        assertThat(ack.orderNo()).hasSize(10);
        KisSession paper = fixture.session(fixture.config(KisMode.PAPER));
        paper.overseas().sell(OverseasExchange.NYSE, "KO", 1, new BigDecimal("60.00")); // VTTT1001U on paper
    }

    @Test
    void theHashkeyIsSentWhenConfigured() {
        var config = fixture.config(KisMode.REAL);
        var signed = new dev.stratc.brokers.kis.KisAccountConfig(config.id(), config.mode(), config.credentials(),
                config.account(), config.htsId(), config.custType(), config.endpoints(), 0, tokens, true);
        fixture.session(signed).trading().buy(KisFixture.SAMSUNG, 1, KisOrderDivision.MARKET, null);
        assertThat(fixture.kis.calls("/uapi/hashkey")).isEqualTo(1);
    }
}
