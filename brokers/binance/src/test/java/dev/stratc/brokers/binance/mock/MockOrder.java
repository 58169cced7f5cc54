package dev.stratc.brokers.binance.mock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An order on the mock exchange. */
final class MockOrder {
    long orderId;
    String symbol;
    String clientOrderId;
    String side;
    String type;
    String timeInForce;
    BigDecimal origQty;
    BigDecimal price;
    BigDecimal stopPrice;
    BigDecimal quoteOrderQty;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal cumQuote = BigDecimal.ZERO;
    String status = "NEW";
    long time;
    long updateTime;
    boolean triggered;
    final List<Map<String, Object>> fills = new ArrayList<>();
    /** What the order holds of the account's balance while open. */
    String lockedAsset;
    BigDecimal locked = BigDecimal.ZERO;
    /** USDⓈ-M: BOTH in one-way mode, LONG or SHORT in hedge mode; and whether it may only reduce. */
    String positionSide = "BOTH";
    boolean reduceOnly;

    boolean isOpen() {
        return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
    }

    boolean isBuy() {
        return side.equals("BUY");
    }
}
