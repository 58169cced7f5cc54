package dev.stratc.bus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.stratc.runtime.bus.BusProvider;
import dev.stratc.runtime.market.MarketEvent;

class RecordCodecTest {

    @Test
    void everyKindRoundTripsWithItsSequenceSourceAndPublishTime() {
        for (MarketEvent event : new MarketEvent[]{
                new MarketEvent.Trade("005930", 1_700_000_000_123L, 71_500, 12),
                new MarketEvent.Quote("005930", 1_700_000_000_124L, 71_400, 100, 71_500, 80),
                new MarketEvent.Bar("005930", 1_700_000_060_000L, 71_000, 72_000, 70_900, 71_500, 12_345)}) {
            byte[] value = RecordCodec.encode(event, 42, "collector-ä", 99);
            RecordCodec.Decoded decoded = RecordCodec.decode("005930", value);
            assertThat(decoded.event()).isEqualTo(event);
            assertThat(decoded.sequence()).isEqualTo(42);
            assertThat(decoded.source()).isEqualTo("collector-ä");
            assertThat(decoded.publishedMillis()).isEqualTo(99);
        }
        assertThat(RecordCodec.encode(new MarketEvent.Trade("A", 1, 2, 3), 1, "c", 1))
                .as("a trade is a few dozen bytes, not a JSON document").hasSizeLessThan(48);
    }

    @Test
    void watermarksAndEndsOfStreamCarryTheSourceAndSequenceButNoMarketData() {
        RecordCodec.Decoded mark = RecordCodec.decode(null, RecordCodec.encodeControl(false, 1234, "collector-1", 5));
        assertThat(mark.control()).isTrue();
        assertThat(mark.end()).isFalse();
        assertThat(mark.sequence()).isEqualTo(1234);
        assertThat(mark.source()).isEqualTo("collector-1");
        RecordCodec.Decoded end = RecordCodec.decode(null, RecordCodec.encodeControl(true, 99, "collector-1", 5));
        assertThat(end.control()).isTrue();
        assertThat(end.end()).isTrue();
        byte[] v1 = RecordCodec.encode(new MarketEvent.Trade("A", 1, 2, 3), 7, "c", 1);
        v1[0] = 1;
        assertThat(RecordCodec.decode("A", v1).event()).as("version 1 records (data only) are still read")
                .isEqualTo(new MarketEvent.Trade("A", 1, 2, 3));
    }

    @Test
    void anUnknownSchemaVersionIsRefusedWithAMessageNamingIt() {
        byte[] value = RecordCodec.encode(new MarketEvent.Trade("A", 1, 2, 3), 1, "c", 1);
        value[0] = 9;
        assertThatThrownBy(() -> RecordCodec.decode("A", value))
                .hasMessageContaining("schema version 9").hasMessageContaining("reads version 1 or 2");
    }

    @Test
    void addressesAreParsedAndBadOnesNamed() {
        KafkaBusConfig config = KafkaBusConfig.parse(URI.create("kafka://h1:9092,h2:9092?market=krx&partitions=24&retention=3d"));
        assertThat(config.bootstrapServers()).isEqualTo("h1:9092,h2:9092");
        assertThat(config.topics()).containsExactly("stratc.krx.trades", "stratc.krx.quotes", "stratc.krx.bars");
        assertThat(config.partitions()).isEqualTo(24);
        assertThatThrownBy(() -> KafkaBusConfig.parse(URI.create("kafka://h:9092?partitons=3")))
                .isInstanceOf(BusProvider.BusAddressException.class).hasMessageContaining("unknown option 'partitons'");
        assertThatThrownBy(() -> KafkaBusConfig.parse(URI.create("kafka://h:9092?partitions=0")))
                .hasMessageContaining("partitions '0'");
        assertThat(BusProvider.forAddress("kafka://localhost:9092")).isInstanceOf(KafkaBusProvider.class);
        assertThatThrownBy(() -> BusProvider.forAddress("pulsar://h:6650"))
                .hasMessageContaining("no bus for the scheme 'pulsar'").hasMessageContaining("[kafka]");
    }
}
