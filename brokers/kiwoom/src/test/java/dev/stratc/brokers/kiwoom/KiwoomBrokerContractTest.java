package dev.stratc.brokers.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.runtime.broker.BrokerContractTest;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.ContractMarket;
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
            return new ContractMarket() {
                @Override
                public String symbol() {
                    return KiwoomFixture.SAMSUNG;
                }

                @Override
                public double quantity() {
                    return 10;
                }

                @Override
                public double lastPrice() {
                    return fixture.kiwoom.lastPrice(KiwoomFixture.SAMSUNG);
                }

                /** On the 100-won tick, as is 99 % of it (59,400). */
                @Override
                public double restingBuyPrice() {
                    return 60_000;
                }

                @Override
                public double unaffordableQuantity() {
                    return 1_000;
                }

                @Override
                public void tradeAt(double price, double size) {
                    fixture.kiwoom.tradeAt(KiwoomFixture.SAMSUNG, (long) price, (long) size);
                }
            };
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
