package dev.stratc.runtime.broker;

import java.util.function.LongSupplier;

/**
 * The contract's market at a KRX broker's mock (KIS, Kiwoom): Samsung Electronics around 70,000 won with ten
 * million won in the account, so ten shares are affordable, a thousand are not, and a limit buy at 60,000 rests
 * (on the 100-won tick, as is 99 % of it, 59,400, which the replace test moves to).
 */
public final class KrxContractMarket implements ContractMarket {
    /** 삼성전자: a code every KRX mock lists. */
    public static final String SAMSUNG = "005930";

    /** The mock's trade print: a trade of {@code size} shares at {@code price} won. */
    public interface Trades {
        void tradeAt(String code, long price, long size);
    }

    private final LongSupplier lastPrice;
    private final Trades trades;

    public KrxContractMarket(LongSupplier lastPrice, Trades trades) {
        this.lastPrice = lastPrice;
        this.trades = trades;
    }

    @Override
    public String symbol() {
        return SAMSUNG;
    }

    @Override
    public double quantity() {
        return 10;
    }

    @Override
    public double lastPrice() {
        return lastPrice.getAsLong();
    }

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
        trades.tradeAt(SAMSUNG, (long) price, (long) size);
    }
}
