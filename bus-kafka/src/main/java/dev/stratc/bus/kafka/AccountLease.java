package dev.stratc.bus.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * An account owned by exactly one engine at a time, so that orders are never doubled across machines. The lease is
 * Kafka's own group membership: every engine that wants the account joins the group {@code stratc-lease-ACCOUNT}
 * on a topic of one partition, and the member the group gives that partition holds the lease. The assignment is
 * sticky, so a second engine that joins waits and the holder keeps it; when the holder leaves or stops
 * heartbeating (a crash, a network split: after {@link #SESSION} without a heartbeat), the group gives the partition
 * to a waiting engine. A holder that cannot reach the group for that long is told the lease is lost and must stop
 * sending orders on the account (the new holder reconciles with the broker first, from its own journal).
 */
public final class AccountLease implements dev.stratc.runtime.bus.BusLease {
    /** How long a holder that stopped heartbeating keeps the lease. */
    public static final Duration SESSION = Duration.ofSeconds(10);

    private final String account;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread heartbeat;
    private volatile boolean held;
    private volatile boolean closed;

    public AccountLease(KafkaBusConfig config, String account, String holder) {
        this.account = account;
        String topic = "stratc." + config.market() + ".lease." + account.replaceAll("[^A-Za-z0-9_-]", "_");
        KafkaPublisher.ensureTopics(config, List.of(topic), 1);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "stratc-lease-" + account);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "stratc-lease-" + holder);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION.toMillis());
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) SESSION.toMillis() / 4);
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    held = true;
                }
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    held = false;
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                held = false;
            }
        });
        heartbeat = Thread.ofPlatform().daemon().name("lease-" + account).start(this::beat);
    }

    private void beat() {
        try {
            while (!closed) {
                consumer.poll(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            held = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public String account() {
        return account;
    }

    /** Whether this engine holds the account now. */
    @Override
    public boolean held() {
        return held;
    }

    /** Waits up to {@code wait} for the lease; returns whether it is held. */
    @Override
    public boolean await(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!held && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return held;
    }

    /** Gives the lease up at once (leaving the group): a waiting engine gets it. */
    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            heartbeat.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
