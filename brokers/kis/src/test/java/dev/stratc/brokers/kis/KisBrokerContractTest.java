package dev.stratc.brokers.kis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.runtime.broker.BrokerContractTest;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.ContractMarket;
import dev.stratc.runtime.broker.KrxContractMarket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's broker contract, run against the KIS adapter and the mock KIS (a real-mode key). */
class KisBrokerContractTest extends BrokerContractTest {

    @TempDir
    Path tokens;

    private KisFixture fixture;

    @Override
    protected BrokerPort newBroker() {
        fixture = new KisFixture(tokens);
        return fixture.broker(KisMode.REAL);
    }

    @Override
    protected ContractMarket market() {
        return new KrxContractMarket(() -> fixture.kis.lastPrice(KrxContractMarket.SAMSUNG), fixture.kis::tradeAt);
    }

    @org.junit.jupiter.api.Test
    void multiSymbolQuotesCarryBidAndAsk() {
        var quotes = broker.quotes(java.util.List.of(KisFixture.SAMSUNG, "A" + KisFixture.NEW_CODE, "999999"));
        assertThat(quotes).extracting(dev.stratc.runtime.market.MarketEvent.Quote::symbol)
                .containsExactlyInAnyOrder(KisFixture.SAMSUNG, KisFixture.NEW_CODE);
        assertThat(quotes).allSatisfy(q -> assertThat(q.ask()).isGreaterThan(q.bid()));
    }

    @AfterEach
    void theAdapterSentNothingKisWouldRefuse() throws Exception {
        assertThat(fixture.kis.violations()).isEmpty();
        fixture.close();
    }
}
