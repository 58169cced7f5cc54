package dev.stratc.strategy;

/** Which account of the pool carries an order. */
public sealed interface AccountChoice {

    /** The run's default routing (the strategy did not say). */
    record Default() implements AccountChoice {
    }

    /** {@code select_best_account()}: the pool's least-loaded healthy account. */
    record Best() implements AccountChoice {
    }

    /** {@code account("KIS_001")}. */
    record Named(String id) implements AccountChoice {
    }
}
