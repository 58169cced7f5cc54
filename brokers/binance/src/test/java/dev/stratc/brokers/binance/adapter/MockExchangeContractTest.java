package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.runtime.broker.BrokerContractTest;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.ContractMarket;
import org.junit.jupiter.api.AfterEach;

/** The shared broker contract against the mock exchange on loopback: a new rig per broker, closed after each test. */
abstract class MockExchangeContractTest extends BrokerContractTest {
    private MockRig rig;

    /** The adapter under test, on {@code rig} (fund its account here). */
    protected abstract BrokerPort newBroker(MockRig rig);

    @Override
    protected final BrokerPort newBroker() {
        rig = new MockRig();
        return newBroker(rig);
    }

    @AfterEach
    void closeMock() throws Exception {
        rig.close();
    }

    @Override
    protected ContractMarket market() {
        return new MockBtcusdtMarket(() -> rig);
    }
}
