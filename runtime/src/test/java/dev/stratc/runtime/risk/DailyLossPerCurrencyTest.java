package dev.stratc.runtime.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.portfolio.Portfolio;

/** {@code max_daily_loss} over a pool of KRW and USDT accounts: a currency's loss is never added to another's. */
class DailyLossPerCurrencyTest {
    @TempDir
    Path stateDir;

    @Test
    void theLimitIsReachedByOneCurrencysLossNotByTheSumOfTwoCurrencies() {
        Portfolio books = new Portfolio();
        books.setCurrency("KIS", "KRW");
        books.setCash("KIS", 10_000_000);
        books.setCurrency("BN", "USDT");
        books.setCash("BN", 100_000);
        KillSwitch killSwitch = new KillSwitch(stateDir, 0);
        RiskLimits limits = new RiskLimits(0, 0, 0, 0, 0, 0, 600, false, true, Double.NaN, 0, "CRYPTO", 10);
        RiskEngine risk = new RiskEngine(limits, TradingCalendar.named("CRYPTO", Set.of()), killSwitch);

        books.fill("KIS", "005930", 10, 70_000, 0, 0, -1);
        books.mark("005930", 69_960);            // -400 KRW
        books.fill("BN", "BTCUSDT", 1, 40_000, 0, 0, -1);
        books.mark("BTCUSDT", 39_600);           // -400 USDT: 800 "in total", but in two currencies
        assertThat(risk.checkDailyLoss(books)).isFalse();

        books.mark("BTCUSDT", 39_400);           // -600 USDT
        assertThat(risk.checkDailyLoss(books)).isTrue();
        assertThat(killSwitch.reason()).hasValueSatisfying(r -> assertThat(r).contains("daily loss 600 USDT"));
    }
}
