package dev.stratc.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.BacktestResult;
import dev.stratc.backtest.Backtester;
import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.strategy.StrategyProgram;

/**
 * A backtest from the DuckDB store is the backtest of the same bars generated in memory: the store must give
 * back every value bit for bit, in time order, whatever order DuckDB returns the rows in.
 */
class StorePathEquivalenceTest {
    private static final String SPEC = "synth:krx?symbols=24&days=4&seed=3";

    @TempDir
    Path dir;

    @Test
    void momentumStratTakesTheSameTradesFromTheStoreAsFromMemory() throws Exception {
        Path db = dir.resolve("krx.duckdb");
        List<Bars> generated = SyntheticUniverse.parse(SPEC).generate();
        try (BarStore store = BarStore.open(db)) {
            store.saveAll(generated, "synthetic:" + SPEC);
        }
        var inMemory = UniverseLoader.load(SPEC, ReadOptions.defaults(Market.GENERIC), List.of());
        var fromStore = UniverseLoader.load(db.toString(), ReadOptions.defaults(Market.GENERIC), List.of());
        assertSameBars(fromStore.bars(), inMemory.bars());

        StrategyProgram program = momentum();
        BacktestConfig config = BacktestConfig.defaults();
        BacktestResult memory = Backtester.run(program, inMemory.bars(), config, null);
        BacktestResult store = Backtester.run(program, fromStore.bars(), config, null);
        assertThat(memory.trades()).as("the strategy trades on this universe").hasSizeGreaterThan(10);
        assertThat(store.trades()).containsExactlyElementsOf(memory.trades());
        assertThat(store.metrics()).isEqualTo(memory.metrics());

        // Streamed in windows of about 2,500 bars (5 hours: windows end within sessions and overnight), the
        // run holds a few thousand bars at a time and still takes the same trades at the same bar numbers.
        try (var streamed = UniverseLoader.load(db.toString(), ReadOptions.defaults(Market.GENERIC), List.of(),
                20_000)) {
            assertThat(streamed.streamed()).isTrue();
            assertThat(streamed.totalBars()).isEqualTo(24 * 4 * 390);
            BacktestResult windowed = Backtester.run(program, streamed.windows(), config, null);
            assertThat(windowed.trades()).containsExactlyElementsOf(memory.trades());
            assertThat(windowed.metrics()).isEqualTo(memory.metrics());
            assertThat(windowed.equity().size()).isEqualTo(memory.equity().size());
            assertThat(windowed.stats().bars()).isEqualTo(memory.stats().bars());
        }
    }

    @Test
    void windowsFollowEachOtherWithoutGapOrOverlap() {
        List<Bars> generated = SyntheticUniverse.of(5, 3, 8).generate();
        Bars gappy = dropEvery(generated.get(2), 5);
        List<Bars> stored = List.of(generated.get(0), generated.get(1), gappy, generated.get(3), generated.get(4));
        Path db = dir.resolve("windows.duckdb");
        try (BarStore store = BarStore.open(db)) {
            store.saveAll(stored, "test");
        }
        try (StoreWindows windows = BarStore.open(db).windows(List.of(), null, Long.MIN_VALUE, Long.MAX_VALUE,
                700)) {
            List<Bars.Builder> joined = stored.stream()
                    .map(b -> Bars.builder(b.symbol(), b.market(), b.timeframe())).toList();
            int count = 0;
            while (windows.hasNext()) {
                List<Bars> window = windows.next();
                assertThat(window).hasSize(5);
                for (int s = 0; s < 5; s++) {
                    Bars w = window.get(s);
                    for (int i = 0; i < w.size(); i++) {
                        joined.get(s).add(w.time(i), w.open(i), w.high(i), w.low(i), w.close(i), w.volume(i));
                    }
                }
                count++;
            }
            assertThat(count).as("windows").isGreaterThan(5);
            assertSameBars(joined.stream().map(Bars.Builder::build).toList(), stored);
        }
    }

    @Test
    void aSeriesWithGapsKeepsItsOwnTimesAndOneCalendarIsShared() {
        List<Bars> generated = SyntheticUniverse.of(3, 2, 5).generate();
        Bars full = generated.get(0);
        Bars gappy = dropEvery(generated.get(1), 7);
        try (BarStore store = BarStore.open(dir.resolve("gaps.duckdb"))) {
            store.saveAll(List.of(full, gappy, generated.get(2)), "test");
            List<Bars> back = store.load(List.of(), null, Long.MIN_VALUE, Long.MAX_VALUE);
            assertSameBars(back, List.of(full, gappy, generated.get(2)));
            assertThat(back.get(0).sharesTimesWith(back.get(2))).isTrue();
            assertThat(back.get(0).sharesTimesWith(back.get(1))).isFalse();
        }
    }

    @Test
    void rowsStoredOutOfTimeOrderComeBackInTimeOrder() {
        Bars bars = SyntheticUniverse.of(1, 1, 9).generate().get(0);
        Bars late = bars.range(200, bars.size());
        Bars early = bars.range(0, 200);
        try (BarStore store = BarStore.open(dir.resolve("order.duckdb"))) {
            store.save(late, "test");                  // the later bars are stored first
            store.save(early, "test");
            Bars back = store.load(List.of(), Duration.ofMinutes(1), Long.MIN_VALUE, Long.MAX_VALUE).get(0);
            assertSameBars(List.of(back), List.of(bars));
        }
    }

    @Test
    void aLaterSeriesOfOneSaveReplacesAnEarlierOneWhereTheyOverlap() {
        Bars bars = SyntheticUniverse.of(1, 1, 4).generate().get(0);
        Bars revised = bars.range(100, 200).withSymbol(bars.symbol(), bars.market());
        try (BarStore store = BarStore.open(dir.resolve("replace.duckdb"))) {
            store.saveSeries(List.of(new BarStore.Upload(bars, "first"), new BarStore.Upload(revised, "second")));
            assertThat(store.list()).singleElement().satisfies(e -> {
                assertThat(e.bars()).isEqualTo(bars.size());
                assertThat(e.source()).contains("first").contains("second");
            });
        }
    }

    @Test
    void aTimeRangeLoadsOnlyTheBarsEndingInIt() {
        List<Bars> generated = SyntheticUniverse.of(4, 3, 2).generate();
        long from = generated.get(0).time(390);
        long to = generated.get(0).time(780);
        try (BarStore store = BarStore.open(dir.resolve("range.duckdb"))) {
            store.saveAll(generated, "test");
            List<Bars> day = store.load(List.of("SYN0002", "SYN0004"), null, from, to);
            assertSameBars(day, List.of(generated.get(1).slice(from, to), generated.get(3).slice(from, to)));
        }
    }

    private static void assertSameBars(List<Bars> actual, List<Bars> expected) {
        assertThat(actual).extracting(Bars::symbol).containsExactlyElementsOf(
                expected.stream().map(Bars::symbol).toList());
        for (int s = 0; s < expected.size(); s++) {
            Bars a = actual.get(s);
            Bars e = expected.get(s);
            assertThat(a.market()).isEqualTo(e.market());
            assertThat(a.timeframe()).isEqualTo(e.timeframe());
            assertThat(a.size()).as(e.symbol()).isEqualTo(e.size());
            for (int i = 0; i < e.size(); i++) {
                assertThat(a.time(i)).isEqualTo(e.time(i));
                assertThat(new double[] {a.open(i), a.high(i), a.low(i), a.close(i), a.volume(i)})
                        .as("%s bar %d", e.symbol(), i)
                        .containsExactly(e.open(i), e.high(i), e.low(i), e.close(i), e.volume(i));
            }
        }
    }

    private static Bars dropEvery(Bars b, int n) {
        Bars.Builder out = Bars.builder(b.symbol(), b.market(), b.timeframe());
        for (int i = 0; i < b.size(); i++) {
            if (i % n != 3) {
                out.add(b.time(i), b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
            }
        }
        return out.build();
    }

    private static StrategyProgram momentum() throws Exception {
        String source = Files.readString(Path.of("../examples/momentum.strat"), StandardCharsets.UTF_8);
        CompileResult compiled = StratCompiler.standard().compile(source, "examples/momentum.strat");
        assertThat(compiled.hasErrors()).as(compiled.diagnostics().toString()).isFalse();
        return compiled.program();
    }
}
