package dev.stratc.compiler.codegen;

import java.util.ArrayList;
import java.util.List;

import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.Signal;

/** What the tests of generated strategies hand them: bars, a flat position, a sink that keeps everything. */
final class Evaluations {
    private Evaluations() {
    }

    /** A bar with the given prices; bid and ask are the close, volume 100, no tick data. */
    record TestBar(String symbol, int index, long time, double open, double high, double low, double close)
            implements BarView {
        TestBar(int index, long time, double open, double high, double low, double close) {
            this("T", index, time, open, high, low, close);
        }

        public double volume() {
            return 100;
        }

        public double bid() {
            return close;
        }

        public double ask() {
            return close;
        }

        public double buyVolume() {
            return Double.NaN;
        }

        public double sellVolume() {
            return Double.NaN;
        }
    }

    /** No position. */
    enum Flat implements PositionView {
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

    /** Keeps the signals, orders and log and notify lines of every evaluation. */
    static final class Recorder implements ActionSink {
        final List<Signal> signals = new ArrayList<>();
        final List<OrderRequest> orders = new ArrayList<>();
        final List<String> logs = new ArrayList<>();

        public void signal(Signal signal) {
            signals.add(signal);
        }

        public void order(OrderRequest order) {
            orders.add(order);
        }

        public void log(String symbol, long time, String message) {
            logs.add(message);
        }

        public void notify(String symbol, long time, String message) {
            logs.add(message);
        }
    }
}
