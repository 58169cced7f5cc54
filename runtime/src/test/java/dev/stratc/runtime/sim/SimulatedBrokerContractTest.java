package dev.stratc.runtime.sim;

import dev.stratc.runtime.broker.BrokerContractTest;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.ContractMarket;
import dev.stratc.runtime.market.MarketEvent;

/** The simulated exchange passes the broker contract, driven by the trades a test feeds it. */
class SimulatedBrokerContractTest extends BrokerContractTest {
    private SimulatedExchange exchange;
    private long sequence;

    @Override
    protected BrokerPort newBroker() {
        exchange = SimulatedExchange.inMemory(new SimConfig("USD", 100_000, dev.stratc.backtest.CostModel.commission(0.05), false));
        sequence = 0;
        feed(100, 1);
        return exchange.broker("SIM-1");
    }

    private void feed(double price, double size) {
        exchange.onMarket(sequence++, new MarketEvent.Trade("BTCUSD", 1_700_000_000_000L + sequence, price, size));
    }

    @Override
    protected ContractMarket market() {
        return new ContractMarket() {
            @Override
            public String symbol() {
                return "BTCUSD";
            }

            @Override
            public double quantity() {
                return 10;
            }

            @Override
            public double lastPrice() {
                return 100;
            }

            @Override
            public double restingBuyPrice() {
                return 90;
            }

            @Override
            public double unaffordableQuantity() {
                return 5_000;
            }

            @Override
            public void tradeAt(double price, double size) {
                feed(price, size);
            }
        };
    }
}
