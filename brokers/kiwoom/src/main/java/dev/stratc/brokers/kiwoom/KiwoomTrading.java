package dev.stratc.brokers.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/** The order and account TRs, their bodies and their answers in our terms. */
public final class KiwoomTrading {

    /** {@code trde_tp} codes of the order types stratc sends. */
    public enum TradeType {
        LIMIT("0"), MARKET("3"), LIMIT_IOC("10"), MARKET_IOC("13"), LIMIT_FOK("20"), MARKET_FOK("23");

        final String code;

        TradeType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A holding of kt00018. */
    public record Holding(String symbol, long quantity, long sellable, BigDecimal averagePrice) {
    }

    /** One order of the day (ka10075 open orders, kt00007 all orders). */
    public record OrderRow(String orderNo, String originalOrderNo, String symbol, boolean buy, long quantity,
            BigDecimal price, long filled, BigDecimal fillPrice, long remaining, boolean market, String state) {
    }

    private final KiwoomRest rest;

    KiwoomTrading(KiwoomRest rest) {
        this.rest = rest;
    }

    private ObjectNode body() {
        return KiwoomJson.MAPPER.createObjectNode();
    }

    /** kt10000 / kt10001: the new order's {@code ord_no}. {@code price} null for a market order. */
    public String order(boolean buy, String symbol, long quantity, TradeType type, BigDecimal price) {
        ObjectNode body = body().put("dmst_stex_tp", rest.config().exchange()).put("stk_cd", symbol)
                .put("ord_qty", KiwoomNumbers.text(quantity))
                .put("ord_uv", price == null ? "" : KiwoomNumbers.text(price))
                .put("trde_tp", type.code()).put("cond_uv", "");
        JsonNode reply = rest.call(buy ? "kt10000" : "kt10001", KiwoomRest.ORDER, body);
        return KiwoomNumbers.orderNo(KiwoomJson.text(reply, "ord_no"));
    }

    /** kt10002: {@code quantity} is what is to work at {@code price} from now on; the new {@code ord_no}. */
    public String modify(String originalOrderNo, String symbol, long quantity, BigDecimal price) {
        ObjectNode body = body().put("dmst_stex_tp", rest.config().exchange()).put("orig_ord_no", originalOrderNo)
                .put("stk_cd", symbol).put("mdfy_qty", KiwoomNumbers.text(quantity))
                .put("mdfy_uv", KiwoomNumbers.text(price)).put("mdfy_cond_uv", "");
        return KiwoomNumbers.orderNo(KiwoomJson.text(rest.call("kt10002", KiwoomRest.ORDER, body), "ord_no"));
    }

    /** kt10003 with {@code cncl_qty "0"}: cancels all that remains; the cancel's own {@code ord_no}. */
    public String cancel(String originalOrderNo, String symbol) {
        ObjectNode body = body().put("dmst_stex_tp", rest.config().exchange()).put("orig_ord_no", originalOrderNo)
                .put("stk_cd", symbol).put("cncl_qty", "0");
        return KiwoomNumbers.orderNo(KiwoomJson.text(rest.call("kt10003", KiwoomRest.ORDER, body), "ord_no"));
    }

    /** kt00018, every page: the account's holdings. */
    public List<Holding> holdings() {
        ObjectNode body = body().put("qry_tp", "1").put("dmst_stex_tp", "KRX");
        return rest.rows("kt00018", KiwoomRest.ACCOUNT, body, "acnt_evlt_remn_indv_tot").stream()
                .map(r -> new Holding(KiwoomNumbers.code(KiwoomJson.text(r, "stk_cd")),
                        KiwoomNumbers.quantity(KiwoomJson.text(r, "rmnd_qty")),
                        KiwoomNumbers.quantity(KiwoomJson.text(r, "trde_able_qty")),
                        KiwoomNumbers.price(KiwoomJson.text(r, "pur_pric"))))
                .filter(h -> h.quantity() != 0).toList();
    }

    /** kt00001 {@code ord_alow_amt}: what orders may spend now (qry_tp 2, 일반조회). */
    public BigDecimal orderableCash() {
        JsonNode reply = rest.call("kt00001", KiwoomRest.ACCOUNT, body().put("qry_tp", "2"));
        return KiwoomNumbers.signed(KiwoomJson.text(reply, "ord_alow_amt"));
    }

    /** ka10075, every page: the orders still working (all symbols, both sides, KRX). */
    public List<OrderRow> openOrders() {
        ObjectNode body = body().put("all_stk_tp", "0").put("trde_tp", "0").put("stk_cd", "").put("stex_tp", "1");
        return rest.rows("ka10075", KiwoomRest.ACCOUNT, body, "oso").stream().map(r -> {
            long quantity = KiwoomNumbers.quantity(KiwoomJson.text(r, "ord_qty"));
            long filled = KiwoomNumbers.quantity(KiwoomJson.text(r, "cntr_qty"));
            String type = KiwoomJson.text(r, "trde_tp");
            return new OrderRow(KiwoomNumbers.orderNo(KiwoomJson.text(r, "ord_no")),
                    KiwoomNumbers.orderNo(KiwoomJson.text(r, "orig_ord_no")),
                    KiwoomNumbers.code(KiwoomJson.text(r, "stk_cd")), KiwoomJson.text(r, "io_tp_nm").contains("매수"),
                    quantity, KiwoomNumbers.price(KiwoomJson.text(r, "ord_pric")), filled,
                    KiwoomNumbers.price(KiwoomJson.text(r, "cntr_pric")),
                    KiwoomNumbers.quantity(KiwoomJson.text(r, "oso_qty")), type.contains("시장가"),
                    KiwoomJson.text(r, "ord_stt"));
        }).toList();
    }

    /** kt00007 (주문순), every page: today's orders, finished ones included. */
    public List<OrderRow> todaysOrders() {
        ObjectNode body = body().put("qry_tp", "1").put("stk_bond_tp", "0").put("sell_tp", "0").put("stk_cd", "")
                .put("fr_ord_no", "").put("dmst_stex_tp", "%");
        return rest.rows("kt00007", KiwoomRest.ACCOUNT, body, "acnt_ord_cntr_prps_dtl").stream().map(r -> {
            BigDecimal price = KiwoomNumbers.price(KiwoomJson.text(r, "ord_uv"));
            return new OrderRow(KiwoomNumbers.orderNo(KiwoomJson.text(r, "ord_no")),
                    KiwoomNumbers.orderNo(KiwoomJson.text(r, "ori_ord")),
                    KiwoomNumbers.code(KiwoomJson.text(r, "stk_cd")), KiwoomJson.text(r, "io_tp_nm").contains("매수"),
                    KiwoomNumbers.quantity(KiwoomJson.text(r, "ord_qty")), price,
                    KiwoomNumbers.quantity(KiwoomJson.text(r, "cntr_qty")),
                    KiwoomNumbers.price(KiwoomJson.text(r, "cntr_uv")),
                    KiwoomNumbers.quantity(KiwoomJson.text(r, "ord_remnq")), price.signum() == 0,
                    KiwoomJson.text(r, "mdfy_cncl") + KiwoomJson.text(r, "acpt_tp"));
        }).toList();
    }
}
