package dev.stratc.runtime.broker;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.stratc.runtime.market.MarketEvent;

/**
 * The runtime's one port to a broker account: the simulated exchange, KIS and Binance implement it, and every
 * implementation passes the abstract contract test suite {@code BrokerContractTest} (runtime's test-jar).
 *
 * <p>One instance serves one account (one set of credentials). Commands ({@link #submit}, {@link #cancel},
 * {@link #replace}) return once the broker has the request or has refused it at the transport level; what
 * happens to the order afterwards arrives as {@link OrderEvent}s on the listener given to {@link #start}.
 * Queries answer from the broker, not from a cache the adapter keeps on the side.
 *
 * <table>
 *   <caption>What an adapter must do</caption>
 *   <tr><th>method</th><th>contract</th></tr>
 *   <tr><td>{@link #start}</td><td>connects; idempotent (a second call with the same listener does nothing)</td></tr>
 *   <tr><td>{@link #stop}</td><td>disconnects; idempotent; no event is delivered after it returns</td></tr>
 *   <tr><td>{@link #submit}</td><td>{@code Accepted} or {@code Rejected}, then {@code Fill}s; a known client
 *       order id is {@code Rejected} with {@link RejectReason#DUPLICATE_CLIENT_ORDER_ID} and changes nothing</td></tr>
 *   <tr><td>{@link #cancel}</td><td>{@code Cancelled} once, or {@code CancelRejected} when the order is not
 *       working; cancelling twice never fails the caller</td></tr>
 *   <tr><td>{@link #replace}</td><td>{@code Replaced}, or {@code CancelRejected}</td></tr>
 *   <tr><td>{@link #order}</td><td>the order by client order id, finished ones of the trading day included</td></tr>
 * </table>
 *
 * @throws BrokerException from any method when the broker cannot be reached or refuses the session
 */
public interface BrokerPort extends AutoCloseable {

    BrokerInfo info();

    void start(BrokerListener listener);

    void stop();

    @Override
    default void close() {
        stop();
    }

    void submit(SubmitOrder order);

    void cancel(CancelOrder cancel);

    void replace(ReplaceOrder replace);

    /** The orders still working at the broker. */
    List<OrderReport> openOrders();

    /** One order by its client order id, working or finished today; empty when the broker never took it. */
    Optional<OrderReport> order(String clientOrderId);

    List<BrokerPosition> positions();

    List<Balance> balances();

    /**
     * The asset a symbol's quantity is held in ({@code BTC} for Binance's {@code BTCUSDT}); empty where a
     * position is counted in shares (KIS, the simulated exchange). A fill whose commission is charged in this
     * asset leaves that much less of the position held.
     */
    default Optional<String> baseAsset(String symbol) {
        return Optional.empty();
    }

    /** Starts streaming trades and quotes of these symbols to the listener; already subscribed ones are kept. */
    void subscribe(Set<String> symbols);

    void unsubscribe(Set<String> symbols);

    /**
     * The current quotes of up to {@link BrokerInfo#quoteBatchSize()} symbols in one request (KIS's multi-symbol
     * quote): how the pool watches symbols beyond what the streaming sessions hold.
     *
     * @throws UnsupportedOperationException when {@code quoteBatchSize} is 0
     */
    default List<MarketEvent.Quote> quotes(List<String> symbols) {
        throw new UnsupportedOperationException(info().venue() + " has no multi-symbol quote request");
    }

    /**
     * Whether a SELL with nothing held opens a short position here (a futures account) rather than being limited
     * to what the account holds (a spot or cash equity account). A run refuses at start to route a strategy with
     * {@code allow_short: true} to an account that answers false.
     */
    default boolean sellsShort() {
        return false;
    }

    /**
     * The account's margin ratio and its positions' liquidation prices (a futures account), read from the broker
     * now; empty where nothing is bought on margin.
     */
    default Optional<Margin> margin() {
        return Optional.empty();
    }

    /**
     * The funding payments the venue booked on this account since {@code sinceMillis} (Binance's income history),
     * oldest first: what reconciliation books when the pushed ones were missed (the process was down). Empty on
     * markets without funding.
     */
    default List<Funding> funding(long sinceMillis) {
        return List.of();
    }
}
