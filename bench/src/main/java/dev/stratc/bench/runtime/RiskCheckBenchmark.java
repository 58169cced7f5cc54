package dev.stratc.bench.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.runtime.risk.RiskEngine;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.risk.TradingCalendar;
import dev.stratc.strategy.AccountChoice;

/** One pre-trade check with every limit set, three accounts holding 10 positions each; the order passes. */
@State(Scope.Thread)
@Fork(value = 1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RiskCheckBenchmark {
    private RiskEngine risk;
    private Portfolio portfolio;
    private OrderIntent intent;
    private long now = 1_764_000_000_000L;

    @Setup
    public void setUp() throws Exception {
        Path state = Files.createTempDirectory("stratc-risk-bench");
        risk = new RiskEngine(new RiskLimits(50_000_000, 20, 60, 1e9, 3e9, 1_000_000, 1e8, false, false, 30, 1e6,
                "KRX", 10), TradingCalendar.named("KRX", Set.of()), new KillSwitch(state, 1_000));
        portfolio = new Portfolio();
        for (String account : new String[] {"KIS_001", "KIS_002", "KIS_003"}) {
            portfolio.setCash(account, 1e9);
            for (int i = 0; i < 10; i++) {
                String symbol = String.format("%06d", i * 11 + account.hashCode() % 97);
                portfolio.mark(symbol, 50_000 + i * 100);
                portfolio.fill(account, symbol, 100, 50_000 + i * 100, 0, now, 0);
            }
        }
        portfolio.mark("005930", 71_000);
        risk.referencePrice("005930", 70_000);
        // Tuesday 2025-11-25 10:00 in Seoul: the market is open
        now = java.time.ZonedDateTime.of(2025, 11, 25, 10, 0, 0, 0, java.time.ZoneId.of("Asia/Seoul")).toInstant()
                .toEpochMilli();
        intent = new OrderIntent("bench-1", "005930", Side.BUY, OrderType.LIMIT, 10, 71_000,
                new AccountChoice.Named("KIS_002"), null, "bench", false, 0, now);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Refusal check() {
        return risk.check(intent, "KIS_002", AccountLimits.NONE, portfolio, now);
    }
}
