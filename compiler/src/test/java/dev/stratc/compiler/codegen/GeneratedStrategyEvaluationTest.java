package dev.stratc.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.ParameterValue;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Signal;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.SymbolStrategy;

/** Runs compiled strategies over a handful of bars and checks their values against ones computed by hand. */
class GeneratedStrategyEvaluationTest {
    private static final String PROBE = """
            strategy("Probe", timeframe: 1m, warmup: 0) {
              parameters {
                part = 10%
              }
              scan {
                when (true) {
                  signal("V", {
                    mid: hl2,
                    change: close - close[1],
                    average: sma(close, 3),
                    part: close * part,
                    volume_ratio: volume / sma(volume, 2),
                    up: close > open,
                    old: nz(close[5], -1),
                    inside: close between [open, high],
                    early: is_na(close[2]),
                    same: close != na
                  })
                }
              }
            }
            """;

    private static final double[][] BARS = {
        // open, high, low, close, volume
        {9, 10.5, 8.5, 10, 100},
        {10, 11.5, 9.5, 11, 200},
        {13, 13.5, 11.5, 12, 300},
        {12, 13.5, 11.5, 13, 100},
        {13, 13.5, 11, 12, 100},
    };

    @Test
    void expressionsHaveTheValuesComputedByHand() {
        SymbolStrategy strategy = compile(PROBE).newInstance("TEST", settings(Map.of()));
        Recorder actions = new Recorder();
        for (int i = 0; i < BARS.length; i++) {
            strategy.onBar(bar(i, BARS[i]), Flat.INSTANCE, actions);
        }

        assertThat(actions.signals).hasSize(5);
        Map<String, Object> third = actions.signals.get(2).payload();
        assertThat((Double) third.get("mid")).isEqualTo((13.5 + 11.5) / 2);
        assertThat((Double) third.get("change")).isEqualTo(1.0);
        assertThat((Double) third.get("average")).isCloseTo((10 + 11 + 12) / 3.0, within(1e-12));
        assertThat((Double) third.get("part")).isCloseTo(1.2, within(1e-12));
        assertThat((Double) third.get("volume_ratio")).isCloseTo(300 / 250.0, within(1e-12));
        assertThat(third.get("up")).isEqualTo(false);
        assertThat(third.get("old")).isEqualTo(-1.0);
        assertThat(third.get("inside")).isEqualTo(false);
        assertThat(third.get("early")).isEqualTo(false);
        assertThat(third.get("same")).as("every comparison with na is false, != too").isEqualTo(false);

        Map<String, Object> first = actions.signals.get(0).payload();
        assertThat((Double) first.get("change")).as("no previous bar: na").isNaN();
        assertThat((Double) first.get("average")).as("sma averages what it has").isEqualTo(10.0);
        assertThat(first.get("early")).isEqualTo(true);
        assertThat(first.get("inside")).isEqualTo(true);
        assertThat((Double) actions.signals.get(4).payload().get("average")).isCloseTo((12 + 13 + 12) / 3.0, within(1e-12));
    }

    @Test
    void aRevisedBarReplacesItsValuesInHistoryAndIndicators() {
        SymbolStrategy strategy = compile(PROBE).newInstance("TEST", settings(Map.of()));
        Recorder actions = new Recorder();
        for (int i = 0; i < 4; i++) {
            strategy.onBar(bar(i, BARS[i]), Flat.INSTANCE, actions);
        }
        strategy.onBar(bar(3, new double[] {12, 15.5, 11.5, 15, 100}), Flat.INSTANCE, actions);
        strategy.onBar(bar(4, BARS[4]), Flat.INSTANCE, actions);

        Map<String, Object> revised = actions.signals.get(4).payload();
        assertThat((Double) revised.get("change")).isEqualTo(15.0 - 12.0);
        assertThat((Double) revised.get("average")).isCloseTo((11 + 12 + 15) / 3.0, within(1e-12));
        Map<String, Object> next = actions.signals.get(5).payload();
        assertThat((Double) next.get("change")).isEqualTo(12.0 - 15.0);
        assertThat((Double) next.get("average")).isCloseTo((12 + 15 + 12) / 3.0, within(1e-12));
    }

    @Test
    void exitReadsThePositionAndStopsAreConstants() {
        String source = """
                strategy("Exit", warmup: 0) {
                  exit {
                    stop_loss(2%)
                    time_stop(15m)
                    when (position_profit_percent > 15 AND time_since_entry >= 10m AND bars_since_entry == 2) {
                      sell(quantity: 50%)
                    }
                  }
                }
                """;
        SymbolStrategy strategy = compile(source).newInstance("TEST", settings(Map.of()));
        Recorder actions = new Recorder();
        PositionView position = new Open(2, 10.0, 0);
        strategy.onBar(bar(1, new double[] {10, 12, 10, 11, 1}), position, actions);
        strategy.onBar(bar(2, new double[] {11, 12, 10, 12, 1}), position, actions);

        assertThat(actions.orders).singleElement().satisfies(order -> {
            assertThat(order.side()).isEqualTo(OrderRequest.Side.SELL);
            assertThat(order.quantity()).isEqualTo(new Quantity.PercentOfPosition(50));
            // the rule that fired, as written (shortened), rather than its line and column
            assertThat(order.reason()).isEqualTo("position_profit_percent > 15 AND…");
        });
        assertThat(strategy.stops()).isEqualTo(new Stops(2, Double.NaN, Double.NaN, 15 * 60_000L));
    }

    @Test
    void overridesReplaceParametersAndAWrongKindIsRefusedByName() {
        StrategyProgram program = compile(PROBE);
        SymbolStrategy strategy = program.newInstance("TEST", settings(Map.of("part", ParameterValue.percent(50))));
        Recorder actions = new Recorder();
        strategy.onBar(bar(0, BARS[0]), Flat.INSTANCE, actions);
        assertThat((Double) actions.signals.get(0).payload().get("part")).isEqualTo(5.0);

        assertThatThrownBy(() -> program.newInstance("TEST", settings(Map.of("part", ParameterValue.durationMillis(300_000)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'part' is a percent, but the override is a duration (5m)");
        assertThatThrownBy(() -> program.newInstance("TEST", settings(Map.of("prat", ParameterValue.percent(5)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'prat'");
    }

    @Test
    void warmupAutoWaitsForTheSlowestIndicatorIncludingNesting() {
        String source = """
                strategy("Warmup") {
                  entry {
                    when (ema(rsi(close, 14), 9) > 50 AND close[3] > 0) {
                      buy()
                    }
                  }
                }
                """;
        SymbolStrategy strategy = compile(source).newInstance("TEST", settings(Map.of()));
        Rsi14Ema9 expected = new Rsi14Ema9();
        assertThat(strategy.warmupBars()).isEqualTo(expected.readyBar());
    }

    /** EMA(9) of RSI(14): the catalogue's own warm-ups, composed, because nested indicators start late. */
    private static final class Rsi14Ema9 {
        int readyBar() {
            return new dev.stratc.indicators.momentum.Rsi(14).warmup() + new dev.stratc.indicators.averages.Ema(9).warmup();
        }
    }

    private static StrategyProgram compile(String source) {
        CompileResult result = StratCompiler.standard().compile(source, "probe.strat");
        assertThat(result.diagnostics()).isEmpty();
        return result.program();
    }

    private static StrategySettings settings(Map<String, ParameterValue> overrides) {
        return new StrategySettings(overrides, Duration.ofMinutes(1), ZoneId.of("Asia/Seoul"));
    }

    private static BarView bar(int index, double[] ohlcv) {
        long time = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli() + (index + 1) * 60_000L * 5;
        return new TestBar("TEST", index, time, ohlcv[0], ohlcv[1], ohlcv[2], ohlcv[3], ohlcv[4]);
    }

    private record TestBar(String symbol, int index, long time, double open, double high, double low, double close,
                           double volume) implements BarView {
        @Override
        public double bid() {
            return close;
        }

        @Override
        public double ask() {
            return close;
        }

        @Override
        public double buyVolume() {
            return Double.NaN;
        }

        @Override
        public double sellVolume() {
            return Double.NaN;
        }
    }

    private enum Flat implements PositionView {
        INSTANCE;

        public double quantity() {
            return 0;
        }

        public double entryPrice() {
            return Double.NaN;
        }

        public long entryTime() {
            return Long.MIN_VALUE;
        }

        public int entryBar() {
            return -1;
        }
    }

    private record Open(double quantity, double entryPrice, int entryBar) implements PositionView {
        @Override
        public long entryTime() {
            return Instant.parse("2026-11-23T00:00:00Z").toEpochMilli() + (entryBar + 1) * 60_000L * 5;
        }
    }

    private static final class Recorder implements ActionSink {
        final List<Signal> signals = new ArrayList<>();
        final List<OrderRequest> orders = new ArrayList<>();

        public void signal(Signal signal) {
            signals.add(signal);
        }

        public void order(OrderRequest order) {
            orders.add(order);
        }

        public void log(String symbol, long time, String message) {
        }

        public void notify(String symbol, long time, String message) {
        }
    }
}
