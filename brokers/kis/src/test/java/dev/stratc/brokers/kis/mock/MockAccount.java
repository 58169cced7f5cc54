package dev.stratc.brokers.kis.mock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One account of the mock KIS: its app key, its mode, its cash, holdings and the day's orders. */
final class MockAccount {

    final String appKey;
    final String appSecret;
    final boolean paper;
    final String cano;
    final String productCode;
    final String htsId;
    long cash;
    long feesCharged;
    final Map<String, long[]> holdings = new LinkedHashMap<>(); // symbol -> {quantity, cost}
    final List<MockOrder> orders = new ArrayList<>();

    MockAccount(String appKey, String appSecret, boolean paper, String cano, String productCode, String htsId,
            long cash) {
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.paper = paper;
        this.cano = cano;
        this.productCode = productCode;
        this.htsId = htsId;
        this.cash = cash;
    }

    long holding(String symbol) {
        long[] h = holdings.get(symbol);
        return h == null ? 0 : h[0];
    }

    MockOrder order(String orderNo) {
        return orders.stream().filter(o -> o.orderNo.equals(orderNo)).findFirst().orElse(null);
    }
}
