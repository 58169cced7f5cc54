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
    private static final int NONE = 0;
    private static final int ENTRY = 1;
    private static final int EXIT = 2;

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
    private final double[] lastClose;
    private final int[] lastIndex;
    private final FundingRule[] fundingRules;
    private final int[] openList;
    private int openCount;

    // pending orders per symbol (next-open fills and limit orders)
    private final int[] pendingKind;
    private final double[] pendingQty;
    private final double[] pendingLimit;
    private final boolean[] pendingBuy;
    private final String[] pendingReason;
    private final double[] reserved;
    private double reservedTotal;
    private int pendingEntries;

    private double cash;
    /** Funding paid over the run (negative: received). */
    private double funding;
    /** Settlements charged, and how many of them at a recorded rate rather than the constant. */
    private long fundingSettlements;
    private long fundingRecorded;
    private final List<Trade> trades = new ArrayList<>();
    private final EquityCurve equity;
    private final int[] candidates;
    private final OrderRequest[] candidateOrders;
    private final int[] candidateBar;
    private int candidateCount;

    private final Cursor cursor = new Cursor();
    private final Sink sink = new Sink();
    private final Position[] positions;
    private final Map<String, Long> signals = new HashMap<>();
    private final List<String> logs = new ArrayList<>();
    private long rejectedMaxPositions;
    private long rejectedCash;
    private long ignored;
    private long barCount;

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
        lastClose = new double[n];
        lastIndex = new int[n];
        java.util.Arrays.fill(lastIndex, -1);
        openList = new int[n];
        pendingKind = new int[n];
        pendingQty = new double[n];
        pendingLimit = new double[n];
        pendingBuy = new boolean[n];
        pendingReason = new String[n];
        reserved = new double[n];
        candidates = new int[n];
        candidateOrders = new OrderRequest[n];
        candidateBar = new int[n];
        positions = new Position[n];
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
        if (universe.isEmpty()) {
            throw new IllegalArgumentException("the universe has no symbols");
        }
        Backtester b = new Backtester(program, universe, config);
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
        if (windows.seriesCount() == 0 || !windows.hasNext()) {
            throw new IllegalArgumentException("the universe has no symbols");
        }
        Backtester b = new Backtester(program, windows.next(), config);
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
        return new BacktestResult(program.info().name(), config, ran, b.trades, b.equity, metrics, stats);
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
            if (candidateCount > 0) {
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
        if (pendingKind[s] != NONE) {
            fillPending(s, b, i);
        }
        if (qty[s] != 0 && fundingRules[s].active()) {
            payFunding(s, b, i);
        }
        if (qty[s] != 0) {
            checkStops(s, b, i);
        }
        lastClose[s] = b.close(i);
        lastIndex[s] = i;
        lastBars[s] = b;
        cursor.bars = b;
        cursor.index = i;
        cursor.base = base[s];
        sink.deciding = base[s] + i >= warmup[s] && b.time(i) >= decideFrom;
        sink.orderCount = 0;
        SymbolStrategy strategy = strategies[s];
        strategy.onBar(cursor, positions[s], sink);
        stops[s] = strategy.stops();
        if (sink.orderCount > 0) {
            route(s, b, i, sink.first);
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

    private void route(int s, Bars b, int i, OrderRequest order) {
        boolean buy = order.side() == OrderRequest.Side.BUY;
        double q = qty[s];
        boolean reduces = q > 0 && !buy || q < 0 && buy;
        if (reduces) {
            double units = exitUnits(s, order.quantity());
            if (units <= 0) {
                ignored++;
                return;
            }
            boolean limit = order.type() == OrderRequest.OrderType.LIMIT;
            if (config.fill() == FillMode.CLOSE && !limit) {
                exit(s, b, i, units, b.close(i), true, reasonOf(order));
            } else {
                setPending(s, EXIT, buy, units, limit ? order.limitPrice() : Double.NaN, reasonOf(order), 0);
            }
            return;
        }
        if (q != 0 || (!buy && !allowShort)) {
            ignored++;                      // no pyramiding; no short without allow_short
            return;
        }
        candidates[candidateCount] = s;
        candidateOrders[candidateCount] = order;
        candidateBar[candidateCount] = i;
        candidateCount++;
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
        for (int c = 0; c < candidateCount; c++) {
            int s = candidates[c];
            OrderRequest order = candidateOrders[c];
            candidateOrders[c] = null;
            if (openCount + pendingEntries >= config.maxPositions()) {
                rejectedMaxPositions++;
                continue;
            }
            Bars b = bars[s];
            int i = candidateBar[c];
            boolean buy = order.side() == OrderRequest.Side.BUY;
            boolean limit = order.type() == OrderRequest.OrderType.LIMIT;
            double price = limit ? order.limitPrice() : b.close(i);
            double units = roundLot(s, Math.min(entryUnits(order.quantity(), eq, price), affordable(s, price)));
            if (!(units > 0)) {
                rejectedCash++;
                continue;
            }
            if (config.fill() == FillMode.CLOSE && !limit) {
                enter(s, b, i, buy, units, b.close(i), true, reasonOf(order));
            } else {
                double reserve = units * price * (1 + markets[s].commissionPercent() / 100)
                        + markets[s].minimumCommission();
                setPending(s, ENTRY, buy, units, limit ? order.limitPrice() : Double.NaN, reasonOf(order), reserve);
            }
        }
        candidateCount = 0;
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
    private double affordable(int s, double price) {
        double free = cash - reservedTotal + reserved[s];
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

    private void setPending(int s, int kind, boolean buy, double units, double limit, String reason, double reserve) {
        pendingKind[s] = kind;
        pendingBuy[s] = buy;
        pendingQty[s] = units;
        pendingLimit[s] = limit;
        pendingReason[s] = reason;
        reserved[s] = reserve;
        reservedTotal += reserve;
        if (kind == ENTRY) {
            pendingEntries++;
        }
    }

    private void clearPending(int s) {
        if (pendingKind[s] == ENTRY) {
            pendingEntries--;
        }
        reservedTotal -= reserved[s];
        reserved[s] = 0;
        pendingKind[s] = NONE;
        pendingReason[s] = null;
    }

    private void fillPending(int s, Bars b, int i) {
        int kind = pendingKind[s];
        boolean buy = pendingBuy[s];
        double units = pendingQty[s];
        double limit = pendingLimit[s];
        String reason = pendingReason[s];
        double price;
        boolean market = Double.isNaN(limit);
        if (market) {
            price = b.open(i);
        } else if (buy ? b.open(i) <= limit : b.open(i) >= limit) {
            price = b.open(i);                               // opened through the limit: filled at the open
        } else if (buy ? b.low(i) < limit : b.high(i) > limit) {
            price = limit;                                   // traded through the limit within the bar
        } else {
            clearPending(s);                                 // not reached: the order lapses with the bar
            return;
        }
        if (kind == ENTRY) {
            double afford = affordable(s, price);
            clearPending(s);
            double u = roundLot(s, Math.min(units, afford));
            if (u > 0) {
                enter(s, b, i, buy, u, price, market, reason);
            } else {
                rejectedCash++;
            }
        } else {
            clearPending(s);
            exit(s, b, i, Math.min(units, Math.abs(qty[s])), price, market, reason);
        }
    }

    // ---- stops --------------------------------------------------------------------------------------------

    private void checkStops(int s, Bars b, int i) {
        Stops st = stops[s];
        if (st == Stops.NONE || !st.any()) {
            return;
        }
        boolean isLong = qty[s] > 0;
        StopRule.Exit exit = StopRule.onBar(st, qty[s], entryPrice[s], peak[s], entryTime[s], b.open(i), b.high(i),
                b.low(i), b.close(i), b.time(i));
        if (exit != null) {
            // a market order at the touched price, as the runtime sends one when a stop triggers
            exit(s, b, i, Math.abs(qty[s]), exit.price(), true, exit.reason());
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
        qty[s] = buy ? units : -units;
        entryPrice[s] = price;
        entryFees[s] = fee;
        peak[s] = price;
        entryTime[s] = b.time(i);
        entryBar[s] = base[s] + i;
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
        double left = open - units;
        if (left <= 1e-12 * Math.max(1, open)) {
            qty[s] = 0;
            removeOpen(s);
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
    }

    /** Keeps the first order of an evaluation (one decision per symbol and bar); counts signals; keeps logs. */
    private final class Sink implements ActionSink {
        boolean deciding;
        int orderCount;
        OrderRequest first;

        @Override
        public void signal(Signal signal) {
            if (deciding) {
                signals.merge(signal.name(), 1L, Long::sum);
            }
        }

        @Override
        public void order(OrderRequest order) {
            if (!deciding) {
                return;
            }
            if (orderCount++ == 0) {
                first = order;
            } else {
                ignored++;
            }
        }

        @Override
        public void log(String sym, long time, String message) {
            if (logs.size() < 1000) {
                logs.add(java.time.Instant.ofEpochMilli(time) + " " + sym + ": " + message);
            }
        }

        @Override
        public void notify(String sym, long time, String message) {
            log(sym, time, "[notify] " + message);
        }
    }
}
