package dev.stratc.bus.kafka;

import java.net.URI;

import dev.stratc.runtime.bus.BusProvider;
import dev.stratc.runtime.bus.MarketDataBus;
import dev.stratc.runtime.bus.SequencedSource;

/** {@code kafka://} addresses, found by the command line through {@link java.util.ServiceLoader}. */
public final class KafkaBusProvider implements BusProvider {
    @Override
    public String scheme() {
        return "kafka";
    }

    @Override
    public MarketDataBus publisher(URI address, String source) {
        return new KafkaPublisher(KafkaBusConfig.parse(address), source);
    }

    @Override
    public AutoCloseable startLocal(java.nio.file.Path dataDir, int port) {
        return LocalKafka.start(dataDir, port);
    }

    @Override
    public dev.stratc.runtime.bus.BusLease lease(URI address, String account, String holder) {
        return new AccountLease(KafkaBusConfig.parse(address), account, holder);
    }

    @Override
    public SequencedSource consumer(URI address, String group) {
        return new KafkaSource(KafkaBusConfig.parse(address), group);
    }

    @Override
    public SequencedSource consumer(URI address, String group, String instance) {
        return new KafkaSource(KafkaBusConfig.parse(address), group, instance);
    }
}
