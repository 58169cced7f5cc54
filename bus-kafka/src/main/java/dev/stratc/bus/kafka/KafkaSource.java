package dev.stratc.bus.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.stratc.runtime.bus.SequencedSource;

/**
 * An engine's side of the Kafka bus: a member of the strategy's consumer group, reading the partitions the group
 * gives it from their start (the journal, not Kafka, says what is warm-up: see {@link SequencedSource}).
 *
 * <p>Records of the owned partitions are merged by sequence: a record is delivered only when no owned partition
 * could still bring a lower one — it has a record of each source still sending buffered, or that source's watermark
 * at or above the record's sequence, or its end of stream ({@link RecordCodec}) — and a partition that has told
 * nothing yet holds everything back until it has, or is seen read to its end. So an engine sees the events in
 * exactly the publishing order, across symbols too, behind the head (a replay, a restart) and at the live edge. A record whose (symbol, source) has already
 * delivered a sequence at or above its own is a duplicate (a collector restarted) and is dropped.
 *
 * <p>Offsets are committed to the group only for what the engine's journal holds ({@link #committed}), so lag
 * figures are honest; on a restart the journal decides where trading resumes. Not thread-safe: one engine thread.
 */
public final class KafkaSource implements SequencedSource {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, ArrayDeque<Buffered>> buffers = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> delivered = new HashMap<>();
    private final Map<String, Long> lastBySymbolAndSource = new HashMap<>();
    private final Set<TopicPartition> caughtUp = new HashSet<>();
    /** Owned partitions from which at least one record (data or watermark) has been read since they were gained. */
    private final Set<TopicPartition> heard = new HashSet<>();
    private final AtomicLong recordsIn = new AtomicLong();
    private final AtomicLong recordsOut = new AtomicLong();
    /** Partitions gained or lost since the start: a status figure, and how a test knows the split stayed put. */
    private final AtomicLong partitionsMoved = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile long newestBarPublished;
    private volatile Map<TopicPartition, Long> lag = Map.of();
    /** The owned partitions, for other threads (the status view, tests). */
    private volatile Set<TopicPartition> owned = Set.of();

    private record Buffered(TopicPartition partition, long offset, RecordCodec.Decoded record) {
    }

    /** What one source has told one partition: its watermark, whether it ended, and how many records wait. */
    private static final class Progress {
        long watermark = Long.MIN_VALUE;
        boolean ended;
        long endedAt = Long.MIN_VALUE;
        int buffered;
    }

    /** The symbols seen on each owned partition: whose entries a backlog there pauses. */
    private final Map<TopicPartition, Set<String>> symbols = new HashMap<>();
    /** Per owned partition, per source: see {@link #safeBound}. */
    private final Map<TopicPartition, Map<String, Progress>> progress = new HashMap<>();
    /** When each source was last heard from on any owned partition (System.nanoTime). */
    private final Map<String, Long> sourceSeenAt = new HashMap<>();
    private final long silenceNanos;
    /** A sequence up to which delivering is known safe; recomputed when a head goes past it. */
    private long safeUpTo = Long.MIN_VALUE;

    public KafkaSource(KafkaBusConfig config, String group) {
        this(config, group, null);
    }

    /**
     * A member of {@code group} with a static identity {@code instance} (Kafka's {@code group.instance.id}), or a
     * dynamic member when it is null: an engine killed and started again under the same identity takes its
     * partitions back at once, without a rebalance and without waiting for its old membership's session to end.
     */
    public KafkaSource(KafkaBusConfig config, String group, String instance) {
        this.silenceNanos = config.silence().toNanos();
        // an engine started before its collectors finds the topics there (and a missing broker is said at once)
        KafkaPublisher.ensureTopics(config);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        // an idle partition answers a fetch after this long: it bounds how long a record waits behind a caught-up
        // partition's empty fetch (latency), at the price of up to 100 empty fetches a second per broker when quiet
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "stratc-engine-" + group);
        if (instance != null) {
            p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance);
        }
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(config.topics(), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitionsMoved.addAndGet(partitions.size());
                partitions.forEach(KafkaSource.this::forget);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                partitionsMoved.addAndGet(partitions.size());
                partitions.forEach(KafkaSource.this::forget);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // a partition this engine now owns is read from its start; records older than the engine's own
                // position are skipped, so a partition gained mid-run is not yet warmed (docs/runtime.md)
                partitionsMoved.addAndGet(partitions.size());
                consumer.seekToBeginning(partitions);
                partitions.forEach(tp -> buffers.put(tp, new ArrayDeque<>()));
                owned = Set.copyOf(buffers.keySet());
                safeUpTo = Long.MIN_VALUE;
            }
        });
    }

    private void forget(TopicPartition partition) {
        buffers.remove(partition);
        progress.remove(partition);
        symbols.remove(partition);
        safeUpTo = Long.MIN_VALUE;
        caughtUp.remove(partition);
        heard.remove(partition);
        delivered.remove(partition);
        owned = Set.copyOf(buffers.keySet());
    }

    @Override
    public Optional<Delivery> poll(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Buffered> next = nextInOrder();
            if (next.isPresent()) {
                Buffered b = next.get();
                buffers.get(b.partition()).poll();
                unbuffered(b);
                delivered.put(b.partition(), b.offset());
                String key = b.record().event().symbol() + '\u0000' + b.record().source();
                Long last = lastBySymbolAndSource.get(key);
                if (last != null && b.record().sequence() <= last) {
                    duplicates.incrementAndGet();
                    continue;
                }
                lastBySymbolAndSource.put(key, b.record().sequence());
                recordsOut.incrementAndGet();
                if (b.record().event() instanceof dev.stratc.runtime.market.MarketEvent.Bar) {
                    newestBarPublished = b.record().publishedMillis();
                }
                return Optional.of(new Delivery(b.record().sequence(), b.record().event()));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            fetch(Duration.ofNanos(Math.min(left, Duration.ofMillis(50).toNanos())));
        }
    }

    /**
     * The smallest head among the owned partitions, once no owned partition could still bring a smaller one: each
     * partition with nothing buffered has been read to its end, and for every source still sending, each owned
     * partition either holds one of its records or has its watermark at or above the head's sequence.
     */
    private Optional<Buffered> nextInOrder() {
        Buffered best = null;
        for (Map.Entry<TopicPartition, ArrayDeque<Buffered>> entry : buffers.entrySet()) {
            Buffered head = entry.getValue().peek();
            if (head == null) {
                // a partition that has told nothing yet may hold anything; once it has, the watermarks of its
                // sources say how far it is complete (safeBound), and one read to its end is complete anyway
                if (!caughtUp.contains(entry.getKey()) && !heard.contains(entry.getKey())) {
                    return Optional.empty();
                }
                continue;
            }
            if (best == null || head.record().sequence() < best.record().sequence()) {
                best = head;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        long sequence = best.record().sequence();
        if (sequence > safeUpTo) {
            safeUpTo = safeBound();
            if (sequence > safeUpTo) {
                return Optional.empty();
            }
        }
        return Optional.of(best);
    }

    /**
     * Up to which sequence every owned partition is known complete: the lowest watermark over the partitions and
     * the sources still sending that have no record buffered there and have not ended there.
     */
    private long safeBound() {
        long now = System.nanoTime();
        long bound = Long.MAX_VALUE;
        for (var source : sourceSeenAt.entrySet()) {
            if (now - source.getValue() > silenceNanos) {
                continue;   // silent too long: a collector that died without its end of stream
            }
            String name = source.getKey();
            for (TopicPartition tp : buffers.keySet()) {
                Progress progress = progress(tp, name);
                if (progress.ended || progress.buffered > 0) {
                    continue;
                }
                bound = Math.min(bound, progress.watermark);
            }
        }
        return bound;
    }

    private Progress progress(TopicPartition partition, String source) {
        return progress.computeIfAbsent(partition, p -> new HashMap<>()).computeIfAbsent(source, s -> new Progress());
    }

    private void unbuffered(Buffered b) {
        Progress p = progress(b.partition(), b.record().source());
        if (--p.buffered == 0) {
            safeUpTo = Long.MIN_VALUE;   // the partition now vouches for this source only up to its watermark
        }
    }

    private void fetch(Duration wait) {
        var records = consumer.poll(wait);
        long now = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            ArrayDeque<Buffered> buffer = buffers.get(tp);
            if (buffer == null) {
                continue;
            }
            RecordCodec.Decoded decoded = RecordCodec.decode(record.key(), record.value());
            sourceSeenAt.put(decoded.source(), now);
            heard.add(tp);
            Progress p = progress(tp, decoded.source());
            if (decoded.control()) {
                if (decoded.end()) {
                    p.ended = true;
                    p.endedAt = Math.max(p.endedAt, decoded.sequence());
                } else {
                    p.watermark = Math.max(p.watermark, decoded.sequence());
                    p.ended = false;
                }
                continue;
            }
            if (decoded.sequence() > p.endedAt) {
                // new data from a source that had ended: a collector started again; its end no longer holds anywhere
                restarted(decoded.source(), decoded.sequence());
            }
            p.buffered++;
            symbols.computeIfAbsent(tp, k -> new HashSet<>()).add(record.key());
            buffer.add(new Buffered(tp, record.offset(), decoded));
            recordsIn.incrementAndGet();
            caughtUp.remove(tp);
        }
        safeUpTo = Long.MIN_VALUE;
        // a partition with nothing buffered is caught up when its position has reached its end
        Set<TopicPartition> empty = new HashSet<>();
        buffers.forEach((tp, buffer) -> {
            if (buffer.isEmpty()) {
                empty.add(tp);
            }
        });
        Map<TopicPartition, Long> lagNow = new LinkedHashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            var current = consumer.currentLag(tp);
            if (current.isPresent()) {
                lagNow.put(tp, current.getAsLong());
                // the last fetch said where the partition ends: nothing left there means caught up, without asking;
                // something left (watermarks arrive all the time) is fetched next, so the broker is not asked either
                if (empty.remove(tp) && current.getAsLong() == 0) {
                    caughtUp.add(tp);
                }
            }
        }
        if (!empty.isEmpty()) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(empty, Duration.ofSeconds(5));
            for (TopicPartition tp : empty) {
                Long end = ends.get(tp);
                long position = consumer.position(tp, Duration.ofSeconds(5));
                if (end != null && position >= end) {
                    caughtUp.add(tp);
                    lagNow.put(tp, 0L);
                }
            }
        }
        lag = Map.copyOf(lagNow);
    }

    private void restarted(String source, long sequence) {
        for (Map<String, Progress> bySource : progress.values()) {
            Progress p = bySource.get(source);
            if (p != null && p.ended && sequence > p.endedAt) {
                p.ended = false;
            }
        }
    }

    /**
     * Whether every source this engine has heard from has ended on every owned partition, and everything before
     * those ends has been delivered: the end of a replayed data set, exactly. False before any source was heard.
     */
    public boolean endOfStream() {
        if (sourceSeenAt.isEmpty() || buffers.isEmpty()) {
            return false;
        }
        for (TopicPartition tp : buffers.keySet()) {
            if (!buffers.get(tp).isEmpty() || !caughtUp.contains(tp)) {
                return false;
            }
            for (String source : sourceSeenAt.keySet()) {
                if (!progress(tp, source).ended) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Commits, for every owned partition, the offset after the last record delivered (all in the journal now). */
    @Override
    public void committed(long sequence) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        delivered.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset + 1, "seq=" + sequence)));
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, null);
        }
    }

    /** How many partitions this engine gained or lost since it started (each counted once per move). */
    public long partitionsMoved() {
        return partitionsMoved.get();
    }

    /** The owned partitions. */
    public Set<TopicPartition> assignment() {
        return owned;
    }

    /** Records not read yet, per owned partition (as of the last fetch). */
    public Map<TopicPartition, Long> lag() {
        return lag;
    }

    public long recordsIn() {
        return recordsIn.get();
    }

    public long recordsOut() {
        return recordsOut.get();
    }

    public long duplicatesDropped() {
        return duplicates.get();
    }

    /** When the newest bar delivered was published (epoch ms), 0 before the first. */
    public long newestBarPublished() {
        return newestBarPublished;
    }

    private long rateAt = System.nanoTime();
    private long rateIn;
    private long rateOut;
    private volatile double inPerSecond;
    private volatile double outPerSecond;

    /** Records per second in and out over the last few seconds (updated whenever the figures are read). */
    private synchronized void updateRates() {
        long now = System.nanoTime();
        double seconds = (now - rateAt) / 1e9;
        if (seconds >= 2) {
            inPerSecond = (recordsIn.get() - rateIn) / seconds;
            outPerSecond = (recordsOut.get() - rateOut) / seconds;
            rateIn = recordsIn.get();
            rateOut = recordsOut.get();
            rateAt = now;
        }
    }

    @Override
    public String prometheus() {
        updateRates();
        StringBuilder text = new StringBuilder();
        text.append("# HELP stratc_bus_lag_records Records of an owned partition not read yet\n")
                .append("# TYPE stratc_bus_lag_records gauge\n");
        lag.forEach((tp, records) -> text.append("stratc_bus_lag_records{topic=\"").append(tp.topic())
                .append("\",partition=\"").append(tp.partition()).append("\"} ").append(records).append('\n'));
        counter(text, "stratc_bus_records_in_total", "Records read from the bus", recordsIn.get());
        counter(text, "stratc_bus_records_out_total", "Records delivered to the engine", recordsOut.get());
        counter(text, "stratc_bus_duplicates_total", "Records dropped as already delivered (same symbol, source, sequence)",
                duplicates.get());
        gauge(text, "stratc_bus_records_in_per_second", "Records read per second, last seconds", inPerSecond);
        gauge(text, "stratc_bus_records_out_per_second", "Records delivered per second, last seconds", outPerSecond);
        long published = newestBarPublished;
        gauge(text, "stratc_bus_newest_bar_age_seconds", "Seconds since the newest delivered bar was published",
                published == 0 ? Double.NaN : (System.currentTimeMillis() - published) / 1000.0);
        return text.toString();
    }

    private static void counter(StringBuilder text, String name, String help, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
                .append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder text, String name, String help, double value) {
        text.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
                .append(" gauge\n").append(name).append(' ')
                .append(Double.isNaN(value) ? "NaN" : String.format(java.util.Locale.ROOT, "%.3f", value)).append('\n');
    }

    @Override
    public String status() {
        updateRates();
        long total = lag.values().stream().mapToLong(Long::longValue).sum();
        long published = newestBarPublished;
        return String.format(java.util.Locale.ROOT,
                "   bus: %d partition(s) owned, lag %,d record(s), in %,.0f/s out %,.0f/s, duplicates %,d, newest bar %s",
                owned.size(), total, inPerSecond, outPerSecond, duplicates.get(),
                published == 0 ? "none yet" : String.format(java.util.Locale.ROOT, "%.1f s old",
                        (System.currentTimeMillis() - published) / 1000.0));
    }

    @Override
    public java.util.List<String> lagging(long records) {
        return lag.entrySet().stream().filter(e -> e.getValue() > records)
                .map(e -> e.getKey().topic() + "-" + e.getKey().partition()).sorted().toList();
    }

    /** The symbols seen on the partitions more than {@code records} behind. Call from the engine thread. */
    @Override
    public Set<String> laggingSymbols(long records) {
        Set<String> lagging = new java.util.TreeSet<>();
        lag.forEach((tp, behind) -> {
            if (behind > records) {
                lagging.addAll(symbols.getOrDefault(tp, Set.of()));
            }
        });
        return lagging;
    }

    /**
     * Leaves the group, also as a static member (which by default stays until its session times out): a clean stop
     * hands the partitions to the other engines at once; only a crash waits for the session.
     */
    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10))
                .withGroupMembershipOperation(
                        org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
