package dev.stratc.runtime.bus;

import java.net.URI;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * A distributed market-data bus, found through {@link ServiceLoader} by the scheme of a {@code --bus} address
 * ({@code kafka://localhost:9092}), so the command line needs no compile-time dependency on any bus's client.
 */
public interface BusProvider {

    /** The address scheme this provider serves: {@code kafka}. */
    String scheme();

    /** A publishing bus: collectors publish every trade, quote and closed bar into it. */
    MarketDataBus publisher(URI address, String source);

    /**
     * An engine's view of the bus: the events of the symbols this engine owns in its consumer {@code group},
     * deduplicated and in publishing order.
     */
    SequencedSource consumer(URI address, String group);

    /**
     * The same, as the member {@code instance} of the group: a stable name (the engine's machine and state
     * directory), so that an engine killed and started again takes its share back at once.
     */
    default SequencedSource consumer(URI address, String group, String instance) {
        return consumer(address, group);
    }

    /**
     * Starts a single-node broker of this bus on this machine ({@code stratc kafka-local}), its data under
     * {@code dataDir}; closing the handle stops it.
     */
    default AutoCloseable startLocal(java.nio.file.Path dataDir, int port) {
        throw new UnsupportedOperationException(scheme() + ": no local broker");
    }

    /**
     * Asks the bus for {@code account} on behalf of {@code holder} (an engine): the lease is held by one engine at a
     * time, a second one waits, and it moves when the holder lets go or is cut off. Call {@link BusLease#await}.
     */
    default BusLease lease(URI address, String account, String holder) {
        throw new UnsupportedOperationException(scheme() + ": no account leases");
    }

    /** The address of a local broker started by {@link #startLocal}. */
    default String localAddress(int port) {
        return scheme() + "://127.0.0.1:" + port;
    }

    /** Thrown when an address is malformed or no provider serves its scheme; the message names the address. */
    final class BusAddressException extends IllegalArgumentException {
        public BusAddressException(String message) {
            super(message);
        }
    }

    /** The provider for {@code scheme}, or the message of {@link #forAddress}. */
    static BusProvider forScheme(String scheme) {
        return forAddress(scheme + "://localhost");
    }

    /** The provider for {@code address}'s scheme. */
    static BusProvider forAddress(String address) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new BusAddressException("--bus '" + address + "' is not an address: use kafka://HOST:9092");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Set<String> available = new TreeSet<>();
        for (BusProvider provider : ServiceLoader.load(BusProvider.class)) {
            if (provider.scheme().equals(scheme)) {
                return provider;
            }
            available.add(provider.scheme());
        }
        throw new BusAddressException("--bus '" + address + "': no bus for the scheme '" + scheme
                + "' is installed (available: " + available + "); use kafka://HOST:9092");
    }
}
