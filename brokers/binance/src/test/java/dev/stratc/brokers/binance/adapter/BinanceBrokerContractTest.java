package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.config.BinanceAccountSettings;
import dev.stratc.brokers.binance.config.BinanceEndpoints;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.brokers.binance.sign.HmacKey;
import dev.stratc.runtime.broker.BrokerPort;
import java.time.Duration;

/** The shared broker contract, run by the Binance adapter against the mock exchange on loopback. */
class BinanceBrokerContractTest extends MockExchangeContractTest {
    @Override
    protected BrokerPort newBroker(MockRig rig) {
        rig.exchange.setBalance(MockBinance.DOC_API_KEY, "USDT", "100000");
        // the shared contract counts a position in what was bought; fees in BNB leave it so (fees taken in the
        // base asset are covered by BinanceFeesAndDustTest)
        rig.exchange.setBalance(MockBinance.DOC_API_KEY, "BNB", "10");
        rig.exchange.payFeesInBnb(MockBinance.DOC_API_KEY, "600");
        return new BinanceBroker(settings(rig), host(rig));
    }

    static BinanceAccountSettings settings(MockRig rig) {
        return settings(rig, "binance-test");
    }

    static BinanceAccountSettings settings(MockRig rig, String id) {
        String base = rig.exchange.restUrl().toString();
        BinanceEndpoints endpoints = new BinanceEndpoints(base, rig.exchange.wsApiUrl().toString(), base);
        return new BinanceAccountSettings(id, true,
                new HmacKey(MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET), endpoints, "USDT", Duration.ofSeconds(5), null);
    }

    static BinanceHost host(MockRig rig) {
        return new BinanceHost(rig.http, rig.exchange.restUrl(), Duration.ofSeconds(5), MockRig.FAST, rig.clock, rig.clock);
    }
}
