package dev.stratc.runtime.pool;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerInfo;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.CancelOrder;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.ReplaceOrder;
import dev.stratc.runtime.broker.SubmitOrder;

/** Stands in for a remote broker in scheduling tests: it only describes itself and keeps its subscriptions. */
final class VenueStub implements BrokerPort {
    private final BrokerInfo info;
    final Set<String> subscribed = new HashSet<>();

    VenueStub(BrokerInfo info) {
        this.info = info;
    }

    static VenueStub kis(boolean paper) {
        return new VenueStub(new BrokerInfo("KIS", paper ? BrokerInfo.Environment.PAPER : BrokerInfo.Environment.LIVE,
                "KRW", 41, 30));
    }

    static VenueStub binance() {
        return new VenueStub(new BrokerInfo("BINANCE", BrokerInfo.Environment.LIVE, "USDT", 1024, 0));
    }

    @Override
    public BrokerInfo info() {
        return info;
    }

    @Override
    public void start(BrokerListener listener) {
    }

    @Override
    public void stop() {
    }

    @Override
    public void submit(SubmitOrder order) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void cancel(CancelOrder cancel) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replace(ReplaceOrder replace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<OrderReport> openOrders() {
        return List.of();
    }

    @Override
    public Optional<OrderReport> order(String clientOrderId) {
        return Optional.empty();
    }

    @Override
    public List<BrokerPosition> positions() {
        return List.of();
    }

    @Override
    public List<Balance> balances() {
        return List.of();
    }

    @Override
    public void subscribe(Set<String> symbols) {
        subscribed.addAll(symbols);
    }

    @Override
    public void unsubscribe(Set<String> symbols) {
        subscribed.removeAll(symbols);
    }
}
