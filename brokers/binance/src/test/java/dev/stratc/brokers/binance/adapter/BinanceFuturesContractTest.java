package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.config.BinanceAccountSettings;
import dev.stratc.brokers.binance.config.FuturesSettings;
import dev.stratc.brokers.binance.futures.FuturesHost;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.runtime.broker.BrokerPort;
import java.time.Duration;

/** The shared broker contract, run by the USDⓈ-M futures adapter against the mock's /fapi on loopback. */
class BinanceFuturesContractTest extends MockExchangeContractTest {
    @Override
    protected BrokerPort newBroker(MockRig rig) {
        rig.exchange.setFuturesWallet(MockBinance.DOC_API_KEY, "100000");
        return new BinanceFuturesBroker(settings(rig, "bn-futures"), new FuturesSettings(5, "ISOLATED", false), host(rig));
    }

    static BinanceAccountSettings settings(MockRig rig, String id) {
        return BinanceBrokerContractTest.settings(rig, id);
    }

    static FuturesHost host(MockRig rig) {
        return new FuturesHost(rig.http, rig.exchange.restUrl(), Duration.ofSeconds(5), MockRig.FAST, rig.clock, rig.clock);
    }
}
