package dev.stratc.bench.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.UnderIndicatorRule;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.Backtester;
import dev.stratc.backtest.Costs;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import dev.stratc.data.SyntheticUniverse;
import dev.stratc.strategy.StrategyProgram;

/**
 * One symbol, about 1M one-minute bars: the compiled sma-cross-rsi.strat run by the backtester, the same rules
 * hand-written over the arrays, and ta4j's BarSeriesManager with DoubleNum. Scores are bars per second.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar SingleSymbolBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SingleSymbolBenchmark.BARS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SingleSymbolBenchmark {
    /** 2,565 days of 390 one-minute bars. */
    static final int BARS = 2_565 * 390;

    static final StrategyProgram HAND_WRITTEN = new HandWrittenProgram();

    Bars bars;
    StrategyProgram program;
    BacktestConfig config;
    BarSeries series;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // A generic market: no tick rounding, so the hand-written loop needs none either.
        bars = SyntheticUniverse.of(1, 2_565, 42).generate().get(0).withSymbol("BENCH", Market.GENERIC);
        program = compile("sma-cross-rsi.strat");
        // capital enough that no entry is ever refused for cash: the loops must take the same trades
        config = BacktestConfig.defaults().withCapital(1e12).withCosts(Costs.none()).withMaxPositions(1, 100);
        series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < bars.size(); i++) {
            series.barBuilder().timePeriod(bars.timeframe()).endTime(bars.endTime(i)).openPrice(bars.open(i))
                    .highPrice(bars.high(i)).lowPrice(bars.low(i)).closePrice(bars.close(i))
                    .volume(bars.volume(i)).add();
        }
        // The three must agree on the trades, or the comparison is meaningless.
        int[] hand = new int[1];
        HandWrittenSmaCrossRsi.run(bars, hand, null);
        int compiled = (int) Backtester.run(program, List.of(bars), config, null).trades().stream()
                .filter(t -> !t.exitReason().equals("end_of_data")).count();
        int engine = (int) Backtester.run(HAND_WRITTEN, List.of(bars), config, null).trades().stream()
                .filter(t -> !t.exitReason().equals("end_of_data")).count();
        if (compiled != hand[0] || engine != hand[0]) {
            throw new IllegalStateException("compiled " + compiled + " trades, engine with hand-written strategy "
                    + engine + ", hand-written loop " + hand[0]);
        }
        System.out.println("\ntrades: compiled " + compiled + ", hand-written " + hand[0] + ", ta4j " + ta4j());
    }

    static StrategyProgram compile(String name) throws IOException {
        try (InputStream in = SingleSymbolBenchmark.class.getResourceAsStream(name)) {
            var result = StratCompiler.standard().compile(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    name);
            if (result.hasErrors()) {
                throw new IllegalStateException(name + ": " + result.diagnostics());
            }
            return result.program();
        }
    }

    @Benchmark
    public int compiled() {
        return Backtester.run(program, List.of(bars), config, null).trades().size();
    }

    /** The engine running a hand-written SymbolStrategy: the engine's own cost per bar. */
    @Benchmark
    public int engineWithHandWrittenStrategy() {
        return Backtester.run(HAND_WRITTEN, List.of(bars), config, null).trades().size();
    }

    @Benchmark
    public double handWritten() {
        return HandWrittenSmaCrossRsi.run(bars, new int[1], null);
    }

    /** About 10,000 bars/s here, so one call takes over a minute: fewer, single-call iterations. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 2, time = 1)
    public int ta4j() {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 50);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        Rule entry = new CrossedUpIndicatorRule(fast, slow).and(new UnderIndicatorRule(rsi, 70));
        Rule exit = new StopLossRule(close, 2).or(new StopGainRule(close, 4));
        return new BarSeriesManager(series).run(new BaseStrategy(entry, exit)).getPositionCount();
    }
}
