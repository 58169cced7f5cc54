package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.runtime.broker.ContractMarket;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * The broker contract's market on the mock exchange: BTCUSDT around 30000, the same on Spot and on /fapi, so
 * both adapters' contract suites run one scenario.
 */
final class MockBtcusdtMarket implements ContractMarket {
    private final Supplier<MockRig> rig;

    /** @param rig the test's current rig (each contract test makes a new one) */
    MockBtcusdtMarket(Supplier<MockRig> rig) {
        this.rig = rig;
    }

    @Override
    public String symbol() {
        return "BTCUSDT";
    }

    @Override
    public double quantity() {
        return 0.01;
    }

    @Override
    public double lastPrice() {
        return 30000.5;
    }

    @Override
    public double restingBuyPrice() {
        return 29000;
    }

    @Override
    public double unaffordableQuantity() {
        return 100;
    }

    @Override
    public void tradeAt(double price, double size) {
        rig.get().exchange.trade("BTCUSDT", BigDecimal.valueOf(price).toPlainString(),
                BigDecimal.valueOf(size).toPlainString());
    }
}
