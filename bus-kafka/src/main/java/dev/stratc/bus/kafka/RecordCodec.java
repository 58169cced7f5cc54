package dev.stratc.bus.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.stratc.runtime.market.MarketEvent;

/**
 * The value of a bus record: compact, fixed-layout binary, big-endian, the symbol being the record's key.
 *
 * <pre>
 * u8  schema version (2)       u8  kind (1 trade, 2 quote, 3 bar, 4 watermark, 5 end of stream)
 * i64 sequence (per symbol and source, rising)
 * i64 event time (epoch ms)    i64 publish time (epoch ms, for the end-to-end age)
 * u8  source length, then the source's UTF-8 bytes
 * f64 × 2 (trade: price, size) | × 4 (quote: bid, bid size, ask, ask size) | × 5 (bar: open, high, low, close, volume)
 *     | nothing (watermark, end of stream)
 * </pre>
 *
 * <p>A <em>watermark</em> of a source on a partition says the source has sent that partition every record of a
 * sequence at or below the watermark's: it follows them in the partition. The <em>end of stream</em> says the
 * source stopped (a collector closed, a replay finished). Collectors write both to every partition (version 2);
 * engines use them to know, at the live edge, that a silent partition holds nothing older than what they deliver
 * next ({@link KafkaSource}). Version 1 (data records only) is still read.
 *
 * A consumer refuses a version it does not know with a message naming it, rather than misreading the fields:
 * a newer collector is deployed after the engines that read it.
 */
public final class RecordCodec {
    public static final byte VERSION = 2;
    static final byte TRADE = 1;
    static final byte QUOTE = 2;
    static final byte BAR = 3;
    static final byte WATERMARK = 4;
    static final byte END = 5;

    private RecordCodec() {
    }

    /** One decoded record: {@code event} is null for a watermark or an end of stream ({@link #control}). */
    public record Decoded(long sequence, String source, long publishedMillis, MarketEvent event, boolean end) {
        public Decoded(long sequence, String source, long publishedMillis, MarketEvent event) {
            this(sequence, source, publishedMillis, event, false);
        }

        /** A watermark or an end of stream: says how far a source got, carries no market data. */
        public boolean control() {
            return event == null;
        }
    }

    /** Thrown for a record this version cannot read. */
    public static final class UnreadableRecordException extends RuntimeException {
        UnreadableRecordException(String message) {
            super(message);
        }
    }

    public static byte[] encode(MarketEvent event, long sequence, String source, long publishedMillis) {
        byte[] sourceBytes = source.getBytes(StandardCharsets.UTF_8);
        if (sourceBytes.length > 255) {
            throw new IllegalArgumentException("a source name is at most 255 bytes: " + source);
        }
        int doubles = switch (event) {
            case MarketEvent.Trade t -> 2;
            case MarketEvent.Quote q -> 4;
            case MarketEvent.Bar b -> 5;
        };
        ByteBuffer out = ByteBuffer.allocate(2 + 24 + 1 + sourceBytes.length + doubles * 8);
        out.put(VERSION);
        switch (event) {
            case MarketEvent.Trade t -> out.put(TRADE);
            case MarketEvent.Quote q -> out.put(QUOTE);
            case MarketEvent.Bar b -> out.put(BAR);
        }
        out.putLong(sequence).putLong(event.time()).putLong(publishedMillis);
        out.put((byte) sourceBytes.length).put(sourceBytes);
        switch (event) {
            case MarketEvent.Trade t -> out.putDouble(t.price()).putDouble(t.size());
            case MarketEvent.Quote q -> out.putDouble(q.bid()).putDouble(q.bidSize()).putDouble(q.ask())
                    .putDouble(q.askSize());
            case MarketEvent.Bar b -> out.putDouble(b.open()).putDouble(b.high()).putDouble(b.low())
                    .putDouble(b.close()).putDouble(b.volume());
        }
        return out.array();
    }

    /**
     * A watermark ({@code end} false: every record of {@code source} at or below {@code sequence} on this partition
     * comes before it) or an end of stream ({@code end} true: the source stopped after {@code sequence}).
     */
    public static byte[] encodeControl(boolean end, long sequence, String source, long publishedMillis) {
        byte[] sourceBytes = source.getBytes(StandardCharsets.UTF_8);
        if (sourceBytes.length > 255) {
            throw new IllegalArgumentException("a source name is at most 255 bytes: " + source);
        }
        ByteBuffer out = ByteBuffer.allocate(2 + 24 + 1 + sourceBytes.length);
        out.put(VERSION).put(end ? END : WATERMARK);
        out.putLong(sequence).putLong(0).putLong(publishedMillis);
        out.put((byte) sourceBytes.length).put(sourceBytes);
        return out.array();
    }

    public static Decoded decode(String symbol, byte[] value) {
        if (value == null || value.length < 27) {
            throw new UnreadableRecordException("a bus record of " + symbol + " is too short ("
                    + (value == null ? 0 : value.length) + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        byte version = in.get();
        if (version != 1 && version != VERSION) {
            throw new UnreadableRecordException("a bus record of " + symbol + " has schema version " + version
                    + "; this stratc reads version 1 or " + VERSION + " (upgrade the engines before the collectors)");
        }
        byte kind = in.get();
        long sequence = in.getLong();
        long time = in.getLong();
        long published = in.getLong();
        byte[] sourceBytes = new byte[in.get() & 0xff];
        in.get(sourceBytes);
        String source = new String(sourceBytes, StandardCharsets.UTF_8);
        if (kind == WATERMARK || kind == END) {
            return new Decoded(sequence, source, published, null, kind == END);
        }
        MarketEvent event = switch (kind) {
            case TRADE -> new MarketEvent.Trade(symbol, time, in.getDouble(), in.getDouble());
            case QUOTE -> new MarketEvent.Quote(symbol, time, in.getDouble(), in.getDouble(), in.getDouble(),
                    in.getDouble());
            case BAR -> new MarketEvent.Bar(symbol, time, in.getDouble(), in.getDouble(), in.getDouble(),
                    in.getDouble(), in.getDouble());
            default -> throw new UnreadableRecordException("a bus record of " + symbol + " has unknown kind " + kind);
        };
        return new Decoded(sequence, source, published, event);
    }
}
