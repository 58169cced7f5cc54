package dev.stratc.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.stratc.backtest.CostModel;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.broker.TimeInForce;

/**
 * The venue's free cash, kept as a running sum of what working buys reserve, against the same recomputed from
 * every working order, after seeded random sequences of market and limit orders taken, partly and wholly filled,
 * cancelled and amended, and of new last prices (which move what a market buy reserves).
 */
class SimAccountReservationTest {

    @Test
    void freeCashEqualsARecomputationAfterRandomOrdersFillsCancelsAndPrices() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            Map<String, Double> prices = new HashMap<>();
            SimAccount account = new SimAccount("A", new SimConfig("KRW", 100_000_000, CostModel.free(), true),
                    symbol -> prices.getOrDefault(symbol, Double.NaN));
            List<String> ids = new ArrayList<>();
            int next = 0;
            for (int step = 0; step < 300; step++) {
                String symbol = "S" + random.nextInt(8);
                int op = random.nextInt(100);
                if (op < 30) {
                    boolean limit = random.nextBoolean();
                    String id = "o" + (next++);
                    SubmitOrder order = new SubmitOrder(id, symbol, random.nextInt(3) == 0 ? Side.SELL : Side.BUY,
                            limit ? OrderType.LIMIT : OrderType.MARKET, 1 + random.nextInt(100),
                            limit ? 1_000 + random.nextInt(5_000) : Double.NaN, TimeInForce.DAY);
                    account.accept(order, prices.getOrDefault(symbol, Double.NaN));
                    ids.add(id);
                } else if (op < 55 && !ids.isEmpty()) {
                    SimOrder order = account.order(ids.get(random.nextInt(ids.size())));
                    if (order != null && order.remaining() > 0) {
                        double quantity = random.nextBoolean() ? order.remaining() : order.remaining() / 3;
                        account.fill(order, "T" + step, quantity, 1_000 + random.nextInt(5_000), 1, "", step);
                    }
                } else if (op < 65 && !ids.isEmpty()) {
                    account.cancel(ids.get(random.nextInt(ids.size())));
                } else if (op < 72 && !ids.isEmpty()) {
                    int index = random.nextInt(ids.size());
                    SimOrder order = account.order(ids.get(index));
                    if (order != null && order.status().isWorking() && order.type() == OrderType.LIMIT) {
                        String id = "o" + (next++);
                        account.replace(ids.get(index), id, order.filled() + 1 + random.nextInt(50),
                                1_000 + random.nextInt(5_000));
                        ids.set(index, id);
                    }
                } else {
                    prices.put(symbol, random.nextInt(10) == 0 ? Double.NaN : 1_000 + random.nextInt(5_000) + 0.5);
                    account.repriced(symbol);
                }
                assertThat(account.freeCash()).as("seed " + seed + ", step " + step)
                        .isCloseTo(account.freeCashRecomputed(), within(1e-6));
            }
        }
    }
}
