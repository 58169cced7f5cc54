package dev.stratc.backtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import dev.stratc.data.StoreWindows;
import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Signal;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.SymbolStrategy;

/**
 * A portfolio backtest: every symbol of the universe gets its own strategy instance; bars are replayed in time
 * order across symbols; at each bar close a symbol's strategy decides, and the portfolio fills what it can afford.
 *
 * <p>Per bar time: pending orders fill at each symbol's open (next-open mode), declarative stops are checked
 * against the bar's range, the strategy evaluates the closed bar, exits are routed, and then the entries of all
 * symbols at that time are taken in universe order while positions and cash allow. Cash never goes below zero:
 * an entry is cut to what the cash (less what other pending entries reserved) pays for, fees included.
 *
 * <p>The loop reads primitive columns and reuses one bar view, one position view per symbol and one action
 * sink; nothing is allocated per bar unless the strategy emits something.
 */
public final class Backtester {
    private final BacktestConfig config;
    private final Bars[] bars;
    /** Bars of each symbol in the windows before the current one: a bar's index in the run is base + index. */
    private final int[] base;
    /** The window that holds each symbol's last bar so far (the current one unless the symbol paused). */
    private final Bars[] lastBars;
    private final Market[] markets;
    private final SymbolStrategy[] strategies;
    private final int[] warmup;
    private final boolean allowShort;
    private final long decideFrom;

    // position per symbol
    private final double[] qty;
    private final double[] entryPrice;
    private final double[] entryFees;
    private final double[] peak;
    private final long[] entryTime;
    private final int[] entryBar;
    private final Stops[] stops;
    /** Each position's stop levels and the stops they were computed for (levels that depend on the entry only). */
    private final StopRule.Levels[] stopLevels;
    private final Stops[] stopLevelsOf;
    private final double[] lastClose;
    private final int[] lastIndex;
    private final FundingRule[] fundingRules;
    private final int[] openList;
    private int openCount;

    // pyramided entries per symbol
    private final int pyramiding;
    private final int[] entries;
    private final double[] firstEntryPrice;
    private final double[] lastEntryPrice;
    private final int[] lastEntryBar;

    // the order book: every symbol's resting orders (next-open market orders, limit, stop and stop-limit orders)
    private final List<Resting>[] book;
    /** Resting entry orders per symbol. */
    private final int[] entryOrders;
    private double reservedTotal;
    /** Symbols without a position that have a resting entry: positions that may open. */
    private int pendingEntries;

    private double cash;
    /** Funding paid over the run (negative: received). */
    private double funding;
    /** Settlements charged, and how many of them at a recorded rate rather than the constant. */
    private long fundingSettlements;
    private long fundingRecorded;
    private final List<Trade> trades = new ArrayList<>();
    private final EquityCurve equity;
    private final List<Candidate> candidates = new ArrayList<>();

    private final Cursor cursor = new Cursor();
    private final Sink sink = new Sink();
    private final Position[] positions;
    private final Map<String, Long> signals = new HashMap<>();
    private final List<String> logs = new ArrayList<>();
    private long rejectedMaxPositions;
    private long rejectedCash;
    private long ignored;
    private long barCount;
    private final long[] barMillis;
    /** The strategy's own record (strategy.*), and each open position's profit so far over its partial exits. */
    private final TradeLedger ledger = new TradeLedger(new LedgerBooks());
    private final double[] roundTripPnl;
    private boolean observeRecord;
    /** What the run produces besides trades (charts' series, log lines), when a report asks for it. */
    private BacktestOutputs outputs = BacktestOutputs.NONE;
    private dev.stratc.backtest.report.PlotCollector plots;

    private Backtester(StrategyProgram program, List<Bars> universe, BacktestConfig config) {
        this.config = config;
        int n = universe.size();
        this.bars = new Bars[n];
        this.markets = new Market[n];
        this.strategies = new SymbolStrategy[n];
        this.warmup = new int[n];
        this.allowShort = program.info().allowShort();
        this.decideFrom = config.fromMillis();
        this.base = new int[n];
        this.lastBars = new Bars[n];
        this.fundingRules = new FundingRule[n];
        int longest = 0;
        for (int s = 0; s < n; s++) {
            Bars b = trimmed(universe.get(s));
            bars[s] = b;
            longest = Math.max(longest, b.size());
            markets[s] = config.costs().applyTo(b.market());
            fundingRules[s] = FundingRule.of(markets[s]).withRecorded(b.symbol(),
                    config.fundingRates().getOrDefault(b.symbol(), java.util.Map.of()));
            strategies[s] = program.newInstance(b.symbol(),
                    new StrategySettings(config.overrides(), b.timeframe(), b.market().zone()));
            if (strategies[s] instanceof dev.stratc.strategy.StrategyRecord.Reader reader) {
                reader.bindRecord(ledger);
                observeRecord |= reader.readsRecord();
            }
            int declared = program.info().warmupBars();
            warmup[s] = config.warmupBars() >= 0 ? config.warmupBars()
                    : declared >= 0 ? declared : strategies[s].warmupBars();
        }
        qty = new double[n];
        entryPrice = new double[n];
        entryFees = new double[n];
        peak = new double[n];
        entryTime = new long[n];
        entryBar = new int[n];
        stops = new Stops[n];
        java.util.Arrays.fill(stops, Stops.NONE);
        stopLevels = new StopRule.Levels[n];
        stopLevelsOf = new Stops[n];
        lastClose = new double[n];
        lastIndex = new int[n];
        java.util.Arrays.fill(lastIndex, -1);
        openList = new int[n];
        pyramiding = Math.max(1, program.info().pyramiding());
        entries = new int[n];
        firstEntryPrice = new double[n];
        lastEntryPrice = new double[n];
        lastEntryBar = new int[n];
        @SuppressWarnings("unchecked")
        List<Resting>[] books = new List[n];
        book = books;
        entryOrders = new int[n];
        barMillis = new long[n];
        for (int s = 0; s < n; s++) {
            barMillis[s] = bars[s].timeframe() == null ? 0 : bars[s].timeframe().toMillis();
        }
        positions = new Position[n];
        roundTripPnl = new double[n];
        for (int s = 0; s < n; s++) {
            positions[s] = new Position(s);
        }
        cash = config.capital();
        equity = new EquityCurve(longest + 1);
    }

    private Bars trimmed(Bars b) {
        return config.toMillis() == Long.MAX_VALUE ? b : b.range(0, b.indexAtOrAfter(config.toMillis()));
    }

    /** Runs {@code program} over {@code universe}; {@code progress} receives the number of bars done so far. */
    public static BacktestResult run(StrategyProgram program, List<Bars> universe, BacktestConfig config,
                                     LongConsumer progress) {
        return run(program, universe, config, progress, BacktestOutputs.NONE);
    }

    /** As {@link #run(StrategyProgram, List, BacktestConfig, LongConsumer)}, producing {@code outputs} too. */
    public static BacktestResult run(StrategyProgram program, List<Bars> universe, BacktestConfig config,
                                     LongConsumer progress, BacktestOutputs outputs) {
        if (universe.isEmpty()) {
            throw new IllegalArgumentException("the universe has no symbols");
        }
        Backtester b = new Backtester(program, universe, config);
        b.outputs = outputs;
        if (outputs.plots()) {
            b.plots = new dev.stratc.backtest.report.PlotCollector(b.strategies, b.bars);
        }
        b.loop(progress);
        return b.result(program, List.of(b.bars));
    }

    /**
     * Runs {@code program} over a universe streamed from the store one time window after another: the same
     * run as over the whole universe at once (same trades, same equity), holding one window of bars at a time.
     * The result's universe keeps, per symbol, only the bars its metrics need (the first bar of the period
     * and the last), since the point is not to hold them all.
     */
    public static BacktestResult run(StrategyProgram program, StoreWindows windows, BacktestConfig config,
                                     LongConsumer progress) {
        return run(program, windows, config, progress, BacktestOutputs.NONE);
    }

    /** As above, passing the log lines to {@code outputs}; a streamed run collects no charts' series. */
    public static BacktestResult run(StrategyProgram program, StoreWindows windows, BacktestConfig config,
                                     LongConsumer progress, BacktestOutputs outputs) {
        if (windows.seriesCount() == 0 || !windows.hasNext()) {
            throw new IllegalArgumentException("the universe has no symbols");
        }
        Backtester b = new Backtester(program, windows.next(), config);
        b.outputs = outputs;
        Ends ends = new Ends(b.bars.length, config.fromMillis());
        ends.note(b.bars);
        b.replayWindow(progress);
        while (windows.hasNext()) {
            List<Bars> window = windows.next();
            for (int s = 0; s < b.bars.length; s++) {
                b.base[s] += b.bars[s].size();
                b.bars[s] = b.trimmed(window.get(s));
            }
            ends.note(b.bars);
            b.replayWindow(progress);
        }
        b.finish(progress);
        return b.result(program, ends.bars(b.bars));
    }

    private BacktestResult result(StrategyProgram program, List<Bars> ran) {
        Backtester b = this;
        Metrics metrics = Metrics.compute(config.capital(), b.equity, b.trades, ran, config.fromMillis(),
                b.markets[0].tradingDaysPerYear());
        RunStats stats = new RunStats(b.barCount, b.signals, b.rejectedMaxPositions, b.rejectedCash, b.ignored,
                b.logs, b.funding, b.markets[0].hasFunding(), b.fundingSettlements, b.fundingRecorded);
        return new BacktestResult(program.info().name(), config, ran, b.trades, b.equity, metrics, stats,
                b.plots == null ? Map.of() : b.plots.series());
    }

    private void loop(LongConsumer progress) {
        replayWindow(progress);
        finish(progress);
    }

    /** Replays the bars now in {@link #bars} (the whole universe, or one window of it) in time order. */
    private void replayWindow(LongConsumer progress) {
        int n = bars.length;
        int[] cur = new int[n];
        long t = Long.MAX_VALUE;
        for (Bars b : bars) {
            if (b.size() > 0) {
                t = Math.min(t, b.time(0));
            }
        }
        long reportEvery = 1 << 16;
        long nextReport = barCount + reportEvery;
        while (t != Long.MAX_VALUE) {
            long next = Long.MAX_VALUE;
            for (int s = 0; s < n; s++) {
                Bars b = bars[s];
                int i = cur[s];
                if (i >= b.size()) {
                    continue;
                }
                long bt = b.time(i);
                if (bt == t) {
                    onBar(s, b, i);
                    cur[s] = ++i;
                    if (i >= b.size()) {
                        continue;
                    }
                    bt = b.time(i);
                }
                if (bt < next) {
                    next = bt;
                }
            }
            if (!candidates.isEmpty()) {
                takeEntries();
            }
            if (t >= config.fromMillis()) {
                equity.add(t, equityNow(), openCount > 0);
            }
            if (barCount >= nextReport && progress != null) {
                progress.accept(barCount);
                nextReport = barCount + reportEvery;
            }
            t = next;
        }
    }

    private void finish(LongConsumer progress) {
        closeAtEnd();
        if (progress != null) {
            progress.accept(barCount);
        }
    }

    private void onBar(int s, Bars b, int i) {
        barCount++;
        if (book[s] != null && !book[s].isEmpty()) {
            fillResting(s, b, i);
        }
        if (qty[s] != 0 && fundingRules[s].active()) {
            payFunding(s, b, i);
        }
        SymbolStrategy strategy = strategies[s];
        if (qty[s] != 0) {
            // the stops for the position as it is now, an entry filled at this bar's open included
            stops[s] = strategy.stops(positions[s]);
            checkStops(s, b, i);
        }
        lastClose[s] = b.close(i);
        lastIndex[s] = i;
        lastBars[s] = b;
        cursor.bars = b;
        cursor.index = i;
        cursor.base = base[s];
        sink.deciding = base[s] + i >= warmup[s] && b.time(i) >= decideFrom;
        sink.orders.clear();
        sink.cancels.clear();
        if (observeRecord) {
            ledger.observe();
        }
        strategy.onBar(cursor, positions[s], sink);
        if (plots != null) {
            plots.evaluated(s, i, cursor, positions[s]);
        }
        for (String tag : sink.cancels) {
            cancel(s, tag);
        }
        for (OrderRequest order : sink.orders) {
            route(s, b, i, order);
        }
    }

    /**
     * A perpetual's funding for each settlement since the symbol's previous bar (or inside the bar, for the first),
     * by the rule the simulated exchange applies too ({@link FundingRule}).
     */
    private void payFunding(int s, Bars b, int i) {
        long end = b.time(i);
        long after = lastIndex[s] >= 0 ? lastBars[s].time(lastIndex[s]) : end - b.timeframe().toMillis();
        for (long settlement : FundingRule.settlements(after, end)) {
            double payment = fundingRules[s].payment(b.symbol(), qty[s], b.close(i), settlement);
            fundingSettlements++;
            if (fundingRules[s].recordedAt(b.symbol(), settlement)) {
                fundingRecorded++;
            }
            cash -= payment;
            funding += payment;
        }
    }

    // ---- orders -------------------------------------------------------------------------------------------

    /** An order resting in the book until a bar fills it, it expires, or the strategy cancels it. */
    private static final class Resting {
        final boolean entry;
        final boolean buy;
        final double units;
        final OrderRequest.OrderType type;
        final double limit;
        final double stop;
        boolean triggered;
        final String reason;
        final String tag;
        final double reserve;
        final OrderRequest.Expiry expiry;
        final int decidedBar;
        final long decidedAt;

        Resting(boolean entry, boolean buy, double units, OrderRequest order, String reason, double reserve,
                int decidedBar, long decidedAt) {
            this.entry = entry;
            this.buy = buy;
            this.units = units;
            this.type = order == null ? OrderRequest.OrderType.MARKET : order.type();
            this.limit = order == null ? Double.NaN : order.limitPrice();
            this.stop = order == null ? Double.NaN : order.stopPrice();
            this.reason = reason;
            this.tag = order == null ? null : order.tag();
            this.reserve = reserve;
            this.expiry = order == null ? null : order.expiry();
            this.decidedBar = decidedBar;
            this.decidedAt = decidedAt;
        }
    }

    private record Candidate(int symbol, OrderRequest order, int bar) {
    }

    /** Says why an order the strategy gave does nothing, in the run's log, and counts it. */
    private void notTaken(Bars b, int i, String why) {
        ignored++;
        sink.log(b.symbol(), b.time(i), "order not taken: " + why);
    }

    private String pyramidingFull(int s, String reason) {
        return "the position already holds " + entries[s] + (entries[s] == 1 ? " entry" : " entries")
                + (pyramiding == 1 ? "; pyramiding: N in the header allows more" : " (pyramiding: " + pyramiding + ")")
                + " (" + reason + ")";
    }

    private void place(int s, Resting order) {
        if (book[s] == null) {
            book[s] = new ArrayList<>(2);
        }
        book[s].add(order);
        reservedTotal += order.reserve;
        if (order.entry) {
            boolean was = pendingCounts(s);
            entryOrders[s]++;
            adjustPending(s, was);
        }
    }

    private void remove(int s, int k) {
        Resting order = book[s].remove(k);
        reservedTotal -= order.reserve;
        if (order.entry) {
            boolean was = pendingCounts(s);
            entryOrders[s]--;
            adjustPending(s, was);
        }
    }

    private boolean pendingCounts(int s) {
        return qty[s] == 0 && entryOrders[s] > 0;
    }

    private void adjustPending(int s, boolean was) {
        boolean now = pendingCounts(s);
        if (was != now) {
            pendingEntries += now ? 1 : -1;
        }
    }

    /** cancel() and cancel(tag: …): the symbol's resting orders placed before this evaluation lapse. */
    private void cancel(int s, String tag) {
        if (book[s] == null) {
            return;
        }
        for (int k = book[s].size() - 1; k >= 0; k--) {
            if (tag == null || tag.equals(book[s].get(k).tag)) {
                remove(s, k);
            }
        }
    }

    /** The bar's effect on the symbol's resting orders, oldest first, by {@link OrderRule}. */
    private void fillResting(int s, Bars b, int i) {
        List<Resting> orders = book[s];
        int bar = base[s] + i;
        for (int k = 0; k < orders.size(); ) {
            Resting order = orders.get(k);
            if (OrderRule.expired(order.expiry, order.decidedBar, order.decidedAt, bar, b.time(i), barMillis[s],
                    markets[s].zone())) {
                remove(s, k);
                continue;
            }
            OrderRule.Outcome outcome = OrderRule.onBar(order.type, order.buy, order.limit, order.stop,
                    order.triggered, b.open(i), b.high(i), b.low(i));
            if (!outcome.filled()) {
                order.triggered |= outcome.triggered();
                OrderRequest.Expiry life = order.expiry == null ? OrderRequest.Expiry.ONE_BAR : order.expiry;
                if (life.bars() > 0 && bar - order.decidedBar >= life.bars()) {
                    remove(s, k);        // its last bar: it cannot fill at the next
                    continue;
                }
                k++;
                continue;
            }
            boolean market = outcome.market();
            double price = outcome.price();
            double afford = affordable(s, price, order.reserve);
            remove(s, k);
            if (order.entry) {
                boolean adds = qty[s] != 0;
                if (adds && (qty[s] > 0) != order.buy) {
                    notTaken(b, i, "an entry against the open position (" + order.reason + ")");
                } else if (adds && entries[s] >= pyramiding) {
                    notTaken(b, i, pyramidingFull(s, order.reason));
                } else {
                    double u = roundLot(s, Math.min(order.units, afford));
                    if (u > 0) {
                        enter(s, b, i, order.buy, u, price, market, order.reason);
                    } else {
                        rejectedCash++;
                    }
                }
            } else if (qty[s] == 0) {
                notTaken(b, i, "the position was closed before this exit filled (" + order.reason + ")");
            } else {
                exit(s, b, i, Math.min(order.units, Math.abs(qty[s])), price, market, order.reason);
            }
        }
    }

    private void route(int s, Bars b, int i, OrderRequest order) {
        boolean buy = order.side() == OrderRequest.Side.BUY;
        double q = qty[s];
        boolean reduces = q > 0 && !buy || q < 0 && buy;
        if (reduces) {
            double units = exitUnits(s, order.quantity());
            if (units <= 0) {
                notTaken(b, i, "an exit of no units (" + reasonOf(order) + ")");
                return;
            }
            boolean rests = order.type().rests();
            if (config.fill() == FillMode.CLOSE && !rests) {
                exit(s, b, i, units, b.close(i), true, reasonOf(order));
            } else {
                place(s, new Resting(false, buy, units, order, reasonOf(order), 0, base[s] + i, b.time(i)));
            }
            return;
        }
        if (q == 0 && !buy && !allowShort) {
            notTaken(b, i, "a sell without a position (allow_short is false)");
            return;
        }
        if (q != 0 && entries[s] >= pyramiding) {
            notTaken(b, i, pyramidingFull(s, reasonOf(order)));
            return;
        }
        Candidate candidate = new Candidate(s, order, i);
        candidates.add(candidate);
    }

    private static String reasonOf(OrderRequest order) {
        if (order.tag() != null) {
            return order.tag();
        }
        return order.reason() != null ? order.reason() : "signal";
    }

    private double exitUnits(int s, Quantity quantity) {
        double open = Math.abs(qty[s]);
        double units = switch (quantity) {
            case Quantity.All a -> open;
            case Quantity.Units u -> Math.min(open, u.units());
            case Quantity.PercentOfPosition p -> roundLot(s, open * p.percent() / 100);
            default -> open;
        };
        return Math.min(open, units);
    }

    private void takeEntries() {
        double eq = equityNow();
        for (Candidate candidate : candidates) {
            int s = candidate.symbol();
            OrderRequest order = candidate.order();
            Bars b = bars[s];
            int i = candidate.bar();
            boolean opens = qty[s] == 0 && entryOrders[s] == 0;
            if (opens && openCount + pendingEntries >= config.maxPositions()) {
                rejectedMaxPositions++;
                continue;
            }
            boolean buy = order.side() == OrderRequest.Side.BUY;
            boolean rests = order.type().rests();
            double price = switch (order.type()) {
                case LIMIT, STOP_LIMIT -> order.limitPrice();
                case STOP -> order.stopPrice();
                case MARKET -> b.close(i);
            };
            if (!(price > 0)) {
                notTaken(b, i, "an entry at no price (" + reasonOf(order) + ")");
                continue;
            }
            double units = roundLot(s, Math.min(entryUnits(order.quantity(), eq, price), affordable(s, price, 0)));
            if (!(units > 0)) {
                rejectedCash++;
                continue;
            }
            if (config.fill() == FillMode.CLOSE && !rests) {
                if (qty[s] != 0 && entries[s] >= pyramiding) {
                    notTaken(b, i, pyramidingFull(s, reasonOf(order)));
                    continue;
                }
                enter(s, b, i, buy, units, b.close(i), true, reasonOf(order));
            } else {
                double reserve = units * price * (1 + markets[s].commissionPercent() / 100)
                        + markets[s].minimumCommission();
                place(s, new Resting(true, buy, units, order, reasonOf(order), reserve, base[s] + i, b.time(i)));
            }
        }
        candidates.clear();
    }

    private double entryUnits(Quantity quantity, double eq, double price) {
        return switch (quantity) {
            case Quantity.Units u -> u.units();
            case Quantity.All a -> Double.POSITIVE_INFINITY;
            case Quantity.PercentOfEquity p -> eq * p.percent() / 100 / price;
            case Quantity.Sized z -> eq * config.sizePercent() / 100 / price;
            case Quantity.RiskBased r -> r.stopDistancePercent() > 0
                    ? eq * r.riskPercent() / 100 / (price * r.stopDistancePercent() / 100) : 0;
            case Quantity.Kelly k -> {
                double f = k.payoffRatio() > 0 ? k.winRate() - (1 - k.winRate()) / k.payoffRatio() : 0;
                yield f > 0 ? eq * k.fraction() * f / price : 0;
            }
            case Quantity.PercentOfPosition p -> 0;   // no position to take a percent of
        };
    }

    /** Units the free cash pays for at {@code price}, fees included. */
    private double affordable(int s, double price, double ownReserve) {
        double free = cash - reservedTotal + ownReserve;
        if (free <= 0) {
            return 0;
        }
        Market m = markets[s];
        double rate = 1 + m.commissionPercent() / 100;
        double units = (free - m.minimumCommission()) / (price * rate);
        return Math.max(0, units);
    }

    private double roundLot(int s, double units) {
        return Fills.roundLot(markets[s], units);
    }

    // ---- stops --------------------------------------------------------------------------------------------

    private void checkStops(int s, Bars b, int i) {
        Stops st = stops[s];
        if (st == Stops.NONE || !st.any()) {
            return;
        }
        boolean isLong = qty[s] > 0;
        StopRule.Levels levels;
        if (Double.isNaN(st.trailingStopPercent()) && !(st.trailingDistance() > 0)) {
            // fixed levels: computed once per position (and again only if the strategy's stops or the entry change)
            levels = stopLevels[s];
            if (levels == null || !st.equals(stopLevelsOf[s])) {
                levels = StopRule.levels(st, isLong, entryPrice[s], peak[s]);
                stopLevels[s] = levels;
                stopLevelsOf[s] = st;
            }
        } else {
            levels = StopRule.levels(st, isLong, entryPrice[s], peak[s]);
        }
        StopRule.Exit exit = StopRule.onBar(levels, isLong, st.timeStopMillis(), entryTime[s], b.open(i), b.high(i),
                b.low(i), b.close(i), b.time(i));
        if (exit != null) {
            // a market order at the touched price, as the runtime sends one when a stop triggers
            exit(s, b, i, Math.abs(qty[s]), exit.price(), true, ExitReasons.stop(exit.reason(), st));
        } else {
            peak[s] = isLong ? Math.max(peak[s], b.high(i)) : Math.min(peak[s], b.low(i));
        }
    }

    // ---- fills --------------------------------------------------------------------------------------------

    private double fillPrice(int s, double price, boolean buy, boolean market) {
        return Fills.price(markets[s], config.slippage(), price, buy, market);
    }

    private double fees(int s, double value, boolean sell, boolean market) {
        return Fills.fees(markets[s], value, sell, !market);
    }

    private void enter(int s, Bars b, int i, boolean buy, double units, double rawPrice, boolean market,
                       String reason) {
        double price = fillPrice(s, rawPrice, buy, market);
        double value = units * price;
        double fee = fees(s, value, !buy, market);
        if (buy && value + fee > cash) {
            units = roundLot(s, Math.max(0, (cash - fee) / price));
            value = units * price;
            fee = fees(s, value, false, market);
            // (cash - fee) / price re-multiplied can exceed cash by an ulp when the lot step is 0: step down
            for (int tries = 0; tries < 4 && units > 0 && value + fee > cash; tries++) {
                units = roundLot(s, Math.nextDown(units) * (1 - 1e-12));
                value = units * price;
                fee = fees(s, value, false, market);
            }
            if (units <= 0 || value + fee > cash) {
                rejectedCash++;
                return;
            }
        }
        cash += buy ? -(value + fee) : value - fee;
        int bar = base[s] + i;
        if (qty[s] != 0) {
            // a pyramided entry: the position's entry price becomes the average, its first entry stays
            double held = Math.abs(qty[s]);
            entryPrice[s] = (entryPrice[s] * held + price * units) / (held + units);
            stopLevels[s] = null; // levels from the entry price: the average moved
            qty[s] += buy ? units : -units;
            entryFees[s] += fee;
            peak[s] = buy ? Math.max(peak[s], price) : Math.min(peak[s], price);
            entries[s]++;
            lastEntryPrice[s] = price;
            lastEntryBar[s] = bar;
            return;
        }
        boolean was = pendingCounts(s);
        qty[s] = buy ? units : -units;
        adjustPending(s, was);
        entryPrice[s] = price;
        stopLevels[s] = null;
        entryFees[s] = fee;
        peak[s] = price;
        entryTime[s] = b.time(i);
        entryBar[s] = bar;
        entries[s] = 1;
        firstEntryPrice[s] = price;
        lastEntryPrice[s] = price;
        lastEntryBar[s] = bar;
        openList[openCount++] = s;
    }

    private void exit(int s, Bars b, int i, double units, double rawPrice, boolean market, String reason) {
        boolean isLong = qty[s] > 0;
        double price = fillPrice(s, rawPrice, !isLong, market);
        double value = units * price;
        double fee = fees(s, value, isLong, market);
        double open = Math.abs(qty[s]);
        double entryFeeShare = entryFees[s] * units / open;
        cash += isLong ? value - fee : -(value + fee);
        double gross = (price - entryPrice[s]) * units * (isLong ? 1 : -1);
        double totalFees = entryFeeShare + fee;
        double pnl = gross - totalFees;
        double cost = entryPrice[s] * units;
        trades.add(new Trade(b.symbol(), isLong ? Trade.Side.LONG : Trade.Side.SHORT, units, entryTime[s],
                entryPrice[s], entryBar[s], b.time(i), price, base[s] + i, pnl, cost > 0 ? pnl / cost * 100 : 0, totalFees,
                reason));
        entryFees[s] -= entryFeeShare;
        roundTripPnl[s] += pnl;
        double left = open - units;
        if (left <= 1e-12 * Math.max(1, open)) {
            boolean was = pendingCounts(s);
            qty[s] = 0;
            entries[s] = 0;
            adjustPending(s, was);
            removeOpen(s);
            ledger.closed(roundTripPnl[s]);
            roundTripPnl[s] = 0;
        } else {
            qty[s] = isLong ? left : -left;
        }
    }

    private void removeOpen(int s) {
        for (int k = 0; k < openCount; k++) {
            if (openList[k] == s) {
                openList[k] = openList[--openCount];
                return;
            }
        }
    }

    private double equityNow() {
        double e = cash;
        for (int k = 0; k < openCount; k++) {
            int s = openList[k];
            e += qty[s] * lastClose[s];
        }
        return e;
    }

    /** Positions still open when the data ends are closed at the last close, as a market exit with costs. */
    private void closeAtEnd() {
        while (openCount > 0) {
            int s = openList[openCount - 1];
            Bars b = lastBars[s];
            int i = lastIndex[s];
            exit(s, b, i, Math.abs(qty[s]), b.close(i), true, "end_of_data");
        }
        if (equity.size() > 0) {
            equity.add(equity.time(equity.size() - 1), cash, false);
        }
    }

    /**
     * What a streamed run keeps of each symbol's bars for its metrics and report: the first bar of the period
     * (at or after {@code from}) and the last bar, as two-bar series, so that buy-and-hold comes out as over
     * the whole universe.
     */
    private static final class Ends {
        private final long from;
        private final Bars[] first;
        private final Bars[] last;

        Ends(int n, long from) {
            this.from = from;
            this.first = new Bars[n];
            this.last = new Bars[n];
        }

        void note(Bars[] window) {
            for (int s = 0; s < window.length; s++) {
                Bars b = window[s];
                if (b.isEmpty()) {
                    continue;
                }
                int i = b.indexAtOrAfter(from);
                if (first[s] == null && i < b.size()) {
                    first[s] = b.range(i, i + 1);
                }
                last[s] = b.range(b.size() - 1, b.size());
            }
        }

        List<Bars> bars(Bars[] header) {
            List<Bars> out = new ArrayList<>(header.length);
            for (int s = 0; s < header.length; s++) {
                Bars.Builder b = new Bars.Builder(header[s].symbol(), header[s].market(), header[s].timeframe(), 2);
                if (first[s] != null && first[s].time(0) < last[s].time(0)) {
                    add(b, first[s]);
                }
                if (last[s] != null) {
                    add(b, last[s]);
                }
                out.add(b.build());
            }
            return out;
        }

        private static void add(Bars.Builder to, Bars bar) {
            to.add(bar.time(0), bar.open(0), bar.high(0), bar.low(0), bar.close(0), bar.volume(0));
        }
    }

    // ---- views handed to the strategy ---------------------------------------------------------------------

    private static final class Cursor implements BarView {
        Bars bars;
        int index;
        int base;

        @Override
        public String symbol() {
            return bars.symbol();
        }

        @Override
        public int index() {
            return base + index;
        }

        @Override
        public long time() {
            return bars.time(index);
        }

        @Override
        public double open() {
            return bars.open(index);
        }

        @Override
        public double high() {
            return bars.high(index);
        }

        @Override
        public double low() {
            return bars.low(index);
        }

        @Override
        public double close() {
            return bars.close(index);
        }

        @Override
        public double volume() {
            return bars.volume(index);
        }

        @Override
        public double bid() {
            return bars.close(index);
        }

        @Override
        public double ask() {
            return bars.close(index);
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

    /** The books {@code strategy.equity}, {@code strategy.cash} and {@code strategy.open_positions} read. */
    private final class LedgerBooks implements TradeLedger.Books {
        @Override
        public double equity() {
            return equityNow();
        }

        @Override
        public double cash() {
            return cash;
        }

        @Override
        public int openPositions() {
            return openCount;
        }
    }

    private final class Position implements PositionView {
        private final int s;

        Position(int s) {
            this.s = s;
        }

        @Override
        public double quantity() {
            return qty[s];
        }

        @Override
        public double entryPrice() {
            return qty[s] == 0 ? Double.NaN : entryPrice[s];
        }

        @Override
        public long entryTime() {
            return qty[s] == 0 ? Long.MIN_VALUE : entryTime[s];
        }

        @Override
        public int entryBar() {
            return qty[s] == 0 ? -1 : entryBar[s];
        }

        @Override
        public int entries() {
            return qty[s] == 0 ? 0 : entries[s];
        }

        @Override
        public double firstEntryPrice() {
            return qty[s] == 0 ? Double.NaN : firstEntryPrice[s];
        }

        @Override
        public double lastEntryPrice() {
            return qty[s] == 0 ? Double.NaN : lastEntryPrice[s];
        }

        @Override
        public int lastEntryBar() {
            return qty[s] == 0 ? -1 : lastEntryBar[s];
        }
    }

    /** Collects an evaluation's orders and cancels, all of them, in the order given; counts signals; keeps logs. */
    private final class Sink implements ActionSink {
        boolean deciding;
        final List<OrderRequest> orders = new ArrayList<>(2);
        final List<String> cancels = new ArrayList<>(1);

        @Override
        public void signal(Signal signal) {
            if (deciding) {
                signals.merge(signal.name(), 1L, Long::sum);
            }
        }

        @Override
        public void order(OrderRequest order) {
            if (deciding) {
                orders.add(order);
            }
        }

        @Override
        public void cancel(String symbol, String tag) {
            if (deciding) {
                cancels.add(tag);
            }
        }

        @Override
        public void log(String sym, long time, String message) {
            if (logs.size() < 1000 || outputs.log() != null) {
                String line = java.time.Instant.ofEpochMilli(time) + " " + sym + ": " + message;
                if (logs.size() < 1000) {
                    logs.add(line);
                }
                if (outputs.log() != null) {
                    outputs.log().accept(line);
                }
            }
        }

        @Override
        public void notify(String sym, long time, String message) {
            log(sym, time, "[notify] " + message);
        }
    }
}
