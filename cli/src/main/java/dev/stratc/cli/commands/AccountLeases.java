package dev.stratc.cli.commands;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.stratc.cli.CliException;
import dev.stratc.runtime.broker.SecretValues;
import dev.stratc.runtime.bus.BusLease;
import dev.stratc.runtime.bus.BusProvider;
import dev.stratc.runtime.engine.RunEvents;

/**
 * The accounts of a {@code run --bus --accounts} held for this engine on the bus, so that two engines never trade
 * one account: each is asked for before the run opens, and one another engine holds refuses the run (exit 1,
 * the account named masked). An account lost during the run (the engine cut off from the bus for longer than the
 * lease's session) stops the run: the engine that takes the account over trades it from then on.
 */
final class AccountLeases implements AutoCloseable {
    private final List<BusLease> leases = new ArrayList<>();
    private boolean lostSaid;

    private AccountLeases() {
    }

    static AccountLeases acquire(String bus, List<String> accounts, String holder, Duration wait)
            throws InterruptedException {
        BusProvider provider = BusProvider.forAddress(bus);
        AccountLeases held = new AccountLeases();
        try {
            for (String account : accounts) {
                BusLease lease = provider.lease(URI.create(bus), account, holder);
                held.leases.add(lease);
                if (!lease.await(wait)) {
                    throw CliException.failure("account " + SecretValues.mask(account) + " is traded by another "
                            + "engine on " + bus + " (it holds the account's lease; waited " + wait.toSeconds()
                            + " s): two engines never trade one account; stop the other engine, or give this one "
                            + "other accounts (--accounts)", null);
                }
            }
            return held;
        } catch (RuntimeException | InterruptedException e) {
            held.close();
            throw e;
        }
    }

    /** Whether an account was lost; said once in the run's events. */
    boolean lost(RunEvents events) {
        for (BusLease lease : leases) {
            if (!lease.held()) {
                if (!lostSaid) {
                    lostSaid = true;
                    events.warning("account " + SecretValues.mask(lease.account()) + ": its lease on the bus was "
                            + "lost (cut off from the brokers); stopping, another engine takes the account over");
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        for (BusLease lease : leases) {
            lease.close();
        }
    }
}
