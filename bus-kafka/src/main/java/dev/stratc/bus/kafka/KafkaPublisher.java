package dev.stratc.bus.kafka;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.stratc.runtime.bus.MarketDataBus;
import dev.stratc.runtime.market.MarketEvent;

/**
 * The collectors' side of the Kafka bus: every event goes to its kind's topic, keyed by symbol (one symbol's
 * records stay in order on one partition), with a sequence per symbol and source so that consumers drop what a
 * restarted collector sends twice. The producer is idempotent (no duplicates from its own retries), batches and
 * compresses with lz4 for throughput.
 *
 * <p>Every {@link #WATERMARK_EVERY} (and on {@link #flush}) the publisher writes a watermark to every partition of
 * the bus's topics: the highest sequence it has sent so far, behind the records it covers. On {@link #close} it
 * writes an end of stream instead. An engine uses them to deliver exactly in sequence order at the live edge,
 * where a partition with nothing to read may only be behind ({@link KafkaSource}).
 *
 * <p>Engines do not subscribe here: they read through {@link KafkaSource}, which owns partitions in a consumer
 * group; {@link #subscribe} is refused.
 */
public final class KafkaPublisher implements MarketDataBus {
    private final KafkaBusConfig config;
    private final String source;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, AtomicLong> lastSequence = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    /**
     * How often a watermark goes to every partition while records are being sent: at the live edge an engine holds a
     * record back until every partition it owns vouches for its sequence, so this bounds that wait (latency),
     * at the price of this many small records a second per partition.
     */
    public static final java.time.Duration WATERMARK_EVERY = java.time.Duration.ofMillis(20);
    /** A collector with nothing new still says it is there this often, so engines do not count it gone. */
    public static final java.time.Duration KEEPALIVE_EVERY = java.time.Duration.ofSeconds(1);
    private long watermarked = Long.MIN_VALUE;
    /** Partitions per topic, for the watermarks (each goes to every partition). */
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private long watermarkedAt;
    /**
     * Held while a record is handed to the producer and while the watermarks are: a watermark is appended to a
     * partition after every record it covers, whatever thread sent them.
     */
    private final Object sending = new Object();
    /** The highest sequence handed to the producer so far; Long.MIN_VALUE before the first. */
    private long sentUpTo = Long.MIN_VALUE;
    private final java.util.concurrent.ScheduledExecutorService watermarks;

    public KafkaPublisher(KafkaBusConfig config, String source) {
        this.config = config;
        this.source = source;
        ensureTopics(config);
        this.producer = new KafkaProducer<>(producerSettings(config), new StringSerializer(), new ByteArraySerializer());
        // read once, while the brokers are known to answer: the end of stream at close must not wait on metadata
        for (String topic : config.topics()) {
            partitionCounts.put(topic, producer.partitionsFor(topic).size());
        }
        this.watermarks = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("bus-watermarks-" + source).factory());
        watermarks.scheduleWithFixedDelay(() -> {
            try {
                sendControl(false);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }, WATERMARK_EVERY.toMillis(), WATERMARK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A watermark (or the end of stream) with the highest sequence sent so far, to every partition of every topic. */
    private void sendControl(boolean end) {
        synchronized (sending) {
            long now = System.nanoTime();
            if (!end && (sentUpTo == Long.MIN_VALUE   // nothing sent yet: nothing to vouch for
                    || sentUpTo == watermarked && now - watermarkedAt < KEEPALIVE_EVERY.toNanos())) {
                return;
            }
            watermarked = sentUpTo;
            watermarkedAt = now;
            byte[] value = RecordCodec.encodeControl(end, sentUpTo, source, System.currentTimeMillis());
            for (String topic : config.topics()) {
                int partitions = partitionCounts.get(topic);
                for (int partition = 0; partition < partitions; partition++) {
                    producer.send(new ProducerRecord<>(topic, partition, null, value), (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
                }
            }
        }
    }

    /** The producer settings; documented in docs/performance.md with the figures they gave. */
    static Properties producerSettings(KafkaBusConfig config) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, config.lingerMillis());
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "stratc-collector");
        return p;
    }

    /** Creates the bus's topics with the configured partitions, replication and retention, if they are missing. */
    static void ensureTopics(KafkaBusConfig config) {
        ensureTopics(config, config.topics(), config.partitions());
    }

    /** Creates {@code names} with {@code partitions} each, if they are missing, and waits for their leaders. */
    static void ensureTopics(KafkaBusConfig config, List<String> names, int partitions) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> topics = names.stream()
                    .map(name -> new NewTopic(name, partitions, config.replication())
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(config.retention().toMillis()))))
                    .toList();
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Kafka at " + config.bootstrapServers()
                                + " did not create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
            awaitLeaders(admin, config, names, partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the bus's topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka broker answered at " + config.bootstrapServers()
                    + " within 30 s (is it running? bin/kafka-local starts one)", e);
        }
    }

    /**
     * Waits until every partition's leader serves it. A producer that writes to a partition whose leader is still
     * being elected has its first batch refused while later ones pass, which the idempotent producer then reports
     * as out of order; asking each leader for its end offset (the admin client retries until it answers) avoids it.
     */
    private static void awaitLeaders(Admin admin, KafkaBusConfig config, List<String> names, int count)
            throws InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new java.util.HashMap<>();
        for (String topic : names) {
            for (int i = 0; i < count; i++) {
                partitions.put(new TopicPartition(topic, i), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bus's topics at " + config.bootstrapServers()
                            + " have no leaders after 60 s: " + e.getCause().getMessage(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Publishes a live event. Its sequence is the event's time in microsecond steps, made to rise per symbol: a
     * restarted collector that sends the same bar again gives it the same sequence, and consumers drop it.
     */
    @Override
    public void publish(MarketEvent event) {
        AtomicLong last = lastSequence.computeIfAbsent(event.symbol(), s -> new AtomicLong(Long.MIN_VALUE));
        long sequence = last.updateAndGet(previous -> Math.max(event.time() * 1000, previous + 1));
        publish(event, sequence);
    }

    /** Publishes with a given sequence: a replayed data set uses each event's position in it. */
    @Override
    public void publish(MarketEvent event, long sequence) {
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the bus stopped accepting records: " + failed.getMessage(), failed);
        }
        byte[] value = RecordCodec.encode(event, sequence, source, System.currentTimeMillis());
        synchronized (sending) {
            producer.send(new ProducerRecord<>(config.topic(event), event.symbol(), value), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
            sentUpTo = Math.max(sentUpTo, sequence);
        }
        published.incrementAndGet();
    }

    public long published() {
        return published.get();
    }

    /** Waits until every record sent so far is acknowledged by the brokers. */
    @Override
    public void flush() {
        sendControl(false);
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the bus refused records: " + failed.getMessage(), failed);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<MarketEvent> subscriber) {
        throw new UnsupportedOperationException("engines read the Kafka bus through a consumer group (KafkaSource)");
    }

    @Override
    public void close() {
        watermarks.shutdownNow();
        try {
            watermarks.awaitTermination(10, TimeUnit.SECONDS);
            if (failure.get() == null) {
                sendControl(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a broker that is gone: the engines count this source gone after its silence (KafkaBusConfig.lateness)
        }
        producer.close(java.time.Duration.ofSeconds(30));
    }
}
