package dev.stratc.brokers.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.runtime.broker.BrokerContractTest;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.ContractMarket;
import dev.stratc.runtime.broker.KrxContractMarket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's broker contract against the Kiwoom adapter and the mock, on both hosts. */
class KiwoomBrokerContractTest {

    abstract static class OnHost extends BrokerContractTest {
        @TempDir
        Path dir;
        KiwoomFixture fixture;

        abstract KiwoomEnvironment environment();

        @Override
        protected BrokerPort newBroker() {
            fixture = new KiwoomFixture(environment(), dir);
            return fixture.broker();
        }

        @Override
        protected ContractMarket market() {
            return new KrxContractMarket(() -> fixture.kiwoom.lastPrice(KrxContractMarket.SAMSUNG),
                    fixture.kiwoom::tradeAt);
        }

        @AfterEach
        void theAdapterSentNothingKiwoomWouldRefuse() throws Exception {
            assertThat(fixture.kiwoom.violations()).isEmpty();
            fixture.close();
        }
    }

    @Nested
    class Mock모의투자 extends OnHost {
        @Override
        KiwoomEnvironment environment() {
            return KiwoomEnvironment.MOCK;
        }
    }

    @Nested
    class Real extends OnHost {
        @Override
        KiwoomEnvironment environment() {
            return KiwoomEnvironment.REAL;
        }
    }
}
