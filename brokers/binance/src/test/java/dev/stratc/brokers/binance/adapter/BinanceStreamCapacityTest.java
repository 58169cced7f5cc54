package dev.stratc.brokers.binance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.binance.mock.MockRig;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One combined stream carries 1024 streams and each symbol takes two (trades, book ticker): the account tells
 * the pool it streams 512 symbols, and refuses more with the numbers instead of failing inside the stream.
 */
class BinanceStreamCapacityTest {
    @Test
    void theAccountStreamsAsManySymbolsAsOneConnectionCarries() throws Exception {
        try (MockRig rig = new MockRig()) {
            BinanceBroker broker = new BinanceBroker(BinanceBrokerContractTest.settings(rig),
                    BinanceBrokerContractTest.host(rig));
            Set<String> symbols = IntStream.range(0, 512).mapToObj(i -> "C" + i + "USDT").collect(Collectors.toSet());

            assertThat(broker.info().maxSubscriptions()).isEqualTo(512);
            broker.subscribe(symbols);
            broker.subscribe(Set.of("C0USDT")); // already streamed: nothing more
            assertThatThrownBy(() -> broker.subscribe(Set.of("ONEMOREUSDT")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 512 symbols").hasMessageContaining("512 are streamed and 1 more");
        }
    }
}
