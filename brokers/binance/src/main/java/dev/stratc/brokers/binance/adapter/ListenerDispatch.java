package dev.stratc.brokers.binance.adapter;

import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.Funding;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.broker.OrderEvent;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one thread an adapter calls its {@link BrokerListener} from, so that every call arrives in the order the
 * facts were learnt, whichever stream or REST answer learnt them. Shared by the Spot and the USDⓈ-M adapters:
 * the rule "queued in order, none once stopping has begun" is written here once.
 */
final class ListenerDispatch {
    private final BooleanSupplier running;
    private BrokerListener listener;
    private ExecutorService dispatcher;

    /** @param running whether the adapter is running; a call queued or run after it turns false is dropped */
    ListenerDispatch(BooleanSupplier running) {
        this.running = running;
    }

    /** Starts a new event thread named {@code threadName} for {@code newListener}. */
    void open(BrokerListener newListener, String threadName) {
        listener = newListener;
        dispatcher = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    BrokerListener listener() {
        return listener;
    }

    /** The event thread now, to {@link #drain} once the adapter has stopped. */
    ExecutorService executor() {
        return dispatcher;
    }

    /** Lets the calls already queued on {@code events} finish (for two seconds at the most). */
    static void drain(ExecutorService events) {
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void emit(OrderEvent event) {
        deliver(target -> target.onOrderEvent(event));
    }

    void emit(MarketEvent event) {
        deliver(target -> target.onMarketEvent(event));
    }

    void funding(Funding funding) {
        deliver(target -> target.onFunding(funding));
    }

    void connection(boolean up, String detail) {
        deliver(target -> target.onConnection(up, detail));
    }

    /** Queues a listener call behind those before it; none runs once the adapter's stop has begun. */
    private void deliver(Consumer<BrokerListener> call) {
        ExecutorService events = dispatcher;
        if (running.getAsBoolean() && events != null) {
            BrokerListener target = listener;
            events.execute(() -> {
                if (running.getAsBoolean()) {
                    call.accept(target);
                }
            });
        }
    }
}
