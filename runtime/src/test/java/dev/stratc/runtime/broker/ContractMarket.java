package dev.stratc.runtime.broker;

/**
 * How a contract test drives the venue behind an adapter: the simulated exchange's data feed, or the mock
 * server an adapter's test starts on loopback.
 */
public interface ContractMarket {

    /** A symbol the account may trade. */
    String symbol();

    /** A quantity the account can afford to buy at {@link #lastPrice()}, of at least two lots. */
    double quantity();

    /** Where the symbol trades now. */
    double lastPrice();

    /** A limit buy price well below the market, so an order there rests until {@link #tradeAt} reaches it. */
    double restingBuyPrice();

    /** A quantity the venue refuses to buy (more than the account can pay for). */
    double unaffordableQuantity();

    /**
     * Makes the venue print a trade of {@code size} at {@code price}: working orders at that price fill up to
     * {@code size} (partially when it is smaller than they are), and a working market order fills.
     */
    void tradeAt(double price, double size);
}
