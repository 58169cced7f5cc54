package dev.stratc.brokers.kis.rest;

import static dev.stratc.brokers.kis.rest.KisJson.decimal;
import static dev.stratc.brokers.kis.rest.KisJson.text;
import static dev.stratc.brokers.kis.rest.KisJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.kis.KisAccountNumber;
import dev.stratc.brokers.kis.KisInvalidOrderException;
import dev.stratc.brokers.kis.KisMode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Overseas stocks: price (해외주식 현재체결가, HHDFS00000300) and limit orders (해외주식 주문). KIS has no plain market
 * order for US stocks and paper accepts only limit ({@code 00}), so this adapter sends limit orders only.
 */
public final class KisOverseasStock {

    /** A last price as {@code price} reports it; {@code decimals} is KIS's {@code zdiv}. */
    public record Quote(String symbol, OverseasExchange exchange, BigDecimal last, BigDecimal previousClose,
            long volume, int decimals) {
    }

    private final KisRestClient rest;
    private final KisMode mode;
    private final KisAccountNumber account;

    public KisOverseasStock(KisRestClient rest, KisMode mode, KisAccountNumber account) {
        this.rest = rest;
        this.mode = mode;
        this.account = account;
    }

    public Quote price(OverseasExchange exchange, String symbol) {
        String ticker = symbol.strip().toUpperCase(Locale.ROOT);
        JsonNode output = rest.get("price of " + ticker + " on " + exchange.quoteCode(),
                "/uapi/overseas-price/v1/quotations/price", "HHDFS00000300",
                Map.of("AUTH", "", "EXCD", exchange.quoteCode(), "SYMB", ticker), "").body().get("output");
        return new Quote(ticker, exchange, decimal(output, "last"), decimal(output, "base"), whole(output, "tvol"),
                decimal(output, "zdiv").intValue());
    }

    public KisOrderAck buy(OverseasExchange exchange, String symbol, long quantity, BigDecimal limitPrice) {
        return order(exchange, symbol, true, quantity, limitPrice);
    }

    public KisOrderAck sell(OverseasExchange exchange, String symbol, long quantity, BigDecimal limitPrice) {
        return order(exchange, symbol, false, quantity, limitPrice);
    }

    private KisOrderAck order(OverseasExchange exchange, String symbol, boolean buy, long quantity,
            BigDecimal limitPrice) {
        String ticker = symbol.strip().toUpperCase(Locale.ROOT);
        if (quantity <= 0 || limitPrice == null || limitPrice.signum() <= 0) {
            throw new KisInvalidOrderException("overseas order for " + ticker + " needs a positive quantity and"
                    + " limit price (KIS has no market order for overseas stocks)");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("CANO", account.cano());
        body.put("ACNT_PRDT_CD", account.productCode());
        body.put("OVRS_EXCG_CD", exchange.orderCode());
        body.put("PDNO", ticker);
        body.put("ORD_QTY", Long.toString(quantity));
        body.put("OVRS_ORD_UNPR", limitPrice.toPlainString());
        body.put("CTAC_TLNO", "");
        body.put("MGCO_APTM_ODNO", "");
        body.put("SLL_TYPE", buy ? "" : "00");
        body.put("ORD_SVR_DVSN_CD", "0");
        body.put("ORD_DVSN", "00");
        String operation = (buy ? "buy " : "sell ") + quantity + " " + ticker + " on " + exchange.orderCode()
                + " for account " + account;
        JsonNode output = rest.postOrder(operation, "/uapi/overseas-stock/v1/trading/order",
                mode.trId(buy ? exchange.buyTrId() : exchange.sellTrId()), body).body().get("output");
        return new KisOrderAck(text(output, "krx_fwdg_ord_orgno"), text(output, "odno"), text(output, "ord_tmd"));
    }
}
