package dev.stratc.brokers.binance.run;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.runtime.run.BrokerRun;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@link FuturesKilledRunTest} kills: {@code stratc run examples/futures-trend.strat --mode paper} on
 * the futures sub-account of the accounts file given (its keys from the environment), until a {@code stop} file
 * appears in the state directory. Prints {@code started} once the accounts are connected and reconciled, and
 * {@code filled}/{@code funding} lines as they are booked.
 */
public final class FuturesRunChild {
    private FuturesRunChild() {
    }

    public static void main(String[] args) throws Exception {
        Path stateDir = Path.of(args[0]);
        Path accounts = Path.of(args[1]);
        RunEvents events = new RunEvents() {
            @Override
            public void filled(ManagedOrder order, OrderEvent.Fill fill, Position position) {
                print("filled " + fill.side() + " " + fill.quantity() + " now " + position.quantity());
            }

            @Override
            public void note(String message) {
                if (message.contains("funding")) {
                    print("funding " + message);
                }
            }

            @Override
            public void warning(String message) {
                System.err.println("warning: " + message);
            }
        };
        try (BrokerRun run = BrokerRun.open(FuturesRunRig.setup(stateDir, accounts,
                FuturesRunRig.program("futures-trend.strat"), events))) {
            print("started");
            Path stop = stateDir.resolve("stop");
            run.run(() -> Files.exists(stop));
        }
        print("stopped");
        // as the stratc command does: the HTTP client's idle threads would keep the JVM a minute longer
        System.exit(0);
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
