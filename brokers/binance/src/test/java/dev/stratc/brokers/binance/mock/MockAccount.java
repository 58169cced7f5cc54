package dev.stratc.brokers.binance.mock;

import java.math.BigDecimal;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.WebSocket;

/** One account (or sub-account) of the mock exchange: its key, balances, orders, trades and order counts. */
final class MockAccount {
    final String name;
    final String apiKey;
    final String hmacSecret;
    final PublicKey ed25519;
    final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
    final Map<Long, MockOrder> orders = new LinkedHashMap<>();
    final List<Map<String, Object>> trades = new ArrayList<>();
    final List<Subscription> subscriptions = new ArrayList<>();
    /** Set when the account pays fees in BNB: BNB's price in the quote asset. */
    java.math.BigDecimal bnbPrice;
    long count10sWindow = -1;
    int count10s;
    long countDayWindow = -1;
    int countDay;

    record Subscription(WebSocket socket, int id) {
    }

    MockAccount(String name, String apiKey, String hmacSecret, PublicKey ed25519) {
        this.name = name;
        this.apiKey = apiKey;
        this.hmacSecret = hmacSecret;
        this.ed25519 = ed25519;
    }

    BigDecimal[] balance(String asset) {
        return balances.computeIfAbsent(asset, a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    MockOrder byClientId(String symbol, String clientOrderId) {
        return orders.values().stream()
                .filter(o -> o.symbol.equals(symbol) && o.clientOrderId.equals(clientOrderId))
                .reduce((first, second) -> second).orElse(null);
    }
}
