package dev.stratc.brokers.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.binance.rest.BinanceHttp;
import dev.stratc.brokers.binance.rest.OrderLimiter;
import dev.stratc.brokers.binance.rest.OrderState;
import dev.stratc.brokers.binance.sign.ApiKey;
import dev.stratc.brokers.binance.sign.Params;
import dev.stratc.brokers.binance.rest.JsonDecimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's USDⓈ-M futures endpoints. The {@link BinanceHttp} given is for the futures host
 * ({@code https://fapi.binance.com}, testnet {@code https://testnet.binancefuture.com}), which keeps its own
 * weight budget (2400 per minute); orders cost no IP weight but count per account.
 */
public final class UsdmFuturesClient {
    /** Binance accepts 1 to 125 depending on the symbol's brackets; outside that range nothing is sent. */
    public static final int MAX_LEVERAGE = 125;

    private final BinanceHttp http;
    private final ApiKey key;
    private final OrderLimiter orders;

    public UsdmFuturesClient(BinanceHttp http, ApiKey key, OrderLimiter orders) {
        this.http = http;
        this.key = key;
        this.orders = orders;
    }

    /** Places the order; the answer (RESULT) says its status and what filled. */
    public OrderState placeOrder(FuturesOrder order) {
        Params params = Params.of().add("symbol", order.symbol()).add("side", order.side()).add("type", order.type())
                .add("positionSide", "BOTH")
                .add("timeInForce", order.type() == FuturesOrder.Type.LIMIT ? "GTC" : null)
                .add("quantity", order.quantity()).add("price", order.price())
                .add("reduceOnly", order.reduceOnly() ? "true" : null)
                .add("newClientOrderId", order.clientOrderId()).add("newOrderRespType", "RESULT");
        return futuresState(http.signed("POST", "/fapi/v1/order", params, 0, key, orders));
    }

    public OrderState cancelOrder(String symbol, String clientOrderId) {
        Params params = Params.of().add("symbol", symbol).add("origClientOrderId", clientOrderId);
        return futuresState(http.signed("DELETE", "/fapi/v1/order", params, 1, key, null));
    }

    /** Sets the symbol's initial leverage; returns what Binance applied. */
    public int setLeverage(String symbol, int leverage) {
        if (leverage < 1 || leverage > MAX_LEVERAGE) {
            throw new IllegalArgumentException("leverage " + leverage + " for " + symbol + ": Binance allows 1 to "
                    + MAX_LEVERAGE + " (less for large positions)");
        }
        JsonNode answer = http.signed("POST", "/fapi/v1/leverage",
                Params.of().add("symbol", symbol).add("leverage", leverage), 1, key, null);
        return answer.path("leverage").asInt();
    }

    /** Open positions (non-zero amounts), of one symbol or all when {@code symbol} is null. */
    public List<FuturesPosition> positions(String symbol) {
        List<FuturesPosition> positions = new ArrayList<>();
        for (JsonNode p : http.signed("GET", "/fapi/v3/positionRisk", Params.of().add("symbol", symbol), 5, key, null)) {
            BigDecimal amount = JsonDecimals.of(p, "positionAmt");
            if (amount.signum() != 0) {
                positions.add(new FuturesPosition(p.path("symbol").asText(), p.path("positionSide").asText(), amount,
                        JsonDecimals.of(p, "entryPrice"), JsonDecimals.of(p, "markPrice"), JsonDecimals.of(p, "unRealizedProfit"),
                        JsonDecimals.of(p, "liquidationPrice"), JsonDecimals.of(p, "notional")));
            }
        }
        return positions;
    }

    /** A futures order answer names the filled quantity {@code executedQty} and its value {@code cumQuote}. */
    private static OrderState futuresState(JsonNode o) {
        return new OrderState(o.path("symbol").asText(), o.path("orderId").asLong(), o.path("clientOrderId").asText(),
                o.path("status").asText(), o.path("type").asText(), o.path("side").asText(), JsonDecimals.of(o, "price"),
                JsonDecimals.of(o, "origQty"), JsonDecimals.of(o, "executedQty"), JsonDecimals.of(o, "cumQuote"), o.path("updateTime").asLong(), List.of());
    }
}
