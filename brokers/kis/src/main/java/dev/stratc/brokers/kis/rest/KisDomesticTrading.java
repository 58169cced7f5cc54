package dev.stratc.brokers.kis.rest;

import static dev.stratc.brokers.kis.rest.KisJson.decimal;
import static dev.stratc.brokers.kis.rest.KisJson.text;
import static dev.stratc.brokers.kis.rest.KisJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.kis.KisAccountNumber;
import dev.stratc.runtime.broker.BrokerClock;
import dev.stratc.brokers.kis.KisInvalidOrderException;
import dev.stratc.brokers.kis.KisMode;
import dev.stratc.brokers.kis.symbols.KrxSymbol;
import dev.stratc.brokers.kis.symbols.KrxTick;
import dev.stratc.brokers.kis.symbols.PriceBand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Domestic cash orders and account inquiries for one account. Uses the current order tr_ids ({@code TTTC0012U}
 * buy, {@code TTTC0011U} sell, {@code TTTC0013U} revise/cancel); KIS may block the old {@code TTTC080xU} ones
 * without notice. Paper tr_ids are derived by {@link KisMode#trId}.
 */
public final class KisDomesticTrading {

    private static final String BASE = "/uapi/domestic-stock/v1/trading";
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_PAGES = 200;

    private final KisRestClient rest;
    private final KisMode mode;
    private final KisAccountNumber account;
    private final KisDomesticQuotations quotations;
    private final BrokerClock clock;
    private final Map<String, PriceBand> bands = new ConcurrentHashMap<>();

    public KisDomesticTrading(KisRestClient rest, KisMode mode, KisAccountNumber account,
            KisDomesticQuotations quotations, BrokerClock clock) {
        this.rest = rest;
        this.mode = mode;
        this.account = account;
        this.quotations = quotations;
        this.clock = clock;
    }

    public KisOrderAck buy(String symbol, long quantity, KisOrderDivision division, BigDecimal price) {
        return order(symbol, true, quantity, division, price);
    }

    public KisOrderAck sell(String symbol, long quantity, KisOrderDivision division, BigDecimal price) {
        return order(symbol, false, quantity, division, price);
    }

    private KisOrderAck order(String symbol, boolean buy, long quantity, KisOrderDivision division, BigDecimal price) {
        String code = KrxSymbol.normalize(symbol);
        if (quantity <= 0) {
            throw new KisInvalidOrderException("order for " + code + ": quantity must be at least 1, was " + quantity);
        }
        BigDecimal unitPrice = division.pricedByCaller() ? checkedPrice(code, buy, price) : BigDecimal.ZERO;
        Map<String, String> body = accountFields();
        body.put("PDNO", code);
        body.put("ORD_DVSN", division.code());
        body.put("ORD_QTY", Long.toString(quantity));
        body.put("ORD_UNPR", unitPrice.toPlainString());
        if (!buy) {
            body.put("SLL_TYPE", "01");
        }
        body.put("EXCG_ID_DVSN_CD", "KRX");
        String operation = (buy ? "buy " : "sell ") + quantity + " " + code + " for account " + account;
        return ack(rest.postOrder(operation, BASE + "/order-cash", mode.trId(buy ? "TTTC0012U" : "TTTC0011U"), body));
    }

    /** Changes price (and quantity; 0 means all that remains) of a resting order. */
    public KisOrderAck revise(String symbol, String branch, String orderNo, KisOrderDivision division, long quantity,
            BigDecimal price, boolean buy) {
        String code = KrxSymbol.normalize(symbol);
        BigDecimal unitPrice = division.pricedByCaller() ? checkedPrice(code, buy, price) : BigDecimal.ZERO;
        return reviseOrCancel("revise order " + orderNo, branch, orderNo, division, "01", quantity, unitPrice);
    }

    /** Cancels all that remains of an order. */
    public KisOrderAck cancel(String branch, String orderNo) {
        return reviseOrCancel("cancel order " + orderNo, branch, orderNo, KisOrderDivision.LIMIT, "02", 0,
                BigDecimal.ZERO);
    }

    private KisOrderAck reviseOrCancel(String operation, String branch, String orderNo, KisOrderDivision division,
            String reviseOrCancel, long quantity, BigDecimal price) {
        Map<String, String> body = accountFields();
        body.put("KRX_FWDG_ORD_ORGNO", branch == null ? "" : branch);
        body.put("ORGN_ODNO", orderNo);
        body.put("ORD_DVSN", division.code());
        body.put("RVSE_CNCL_DVSN_CD", reviseOrCancel);
        body.put("ORD_QTY", Long.toString(quantity));
        body.put("ORD_UNPR", price.toPlainString());
        body.put("QTY_ALL_ORD_YN", quantity == 0 ? "Y" : "N");
        body.put("EXCG_ID_DVSN_CD", "KRX");
        return ack(rest.postOrder(operation + " for account " + account, BASE + "/order-rvsecncl",
                mode.trId("TTTC0013U"), body));
    }

    /** CANO and ACNT_PRDT_CD, which open every trading body and account inquiry, in KIS's field order. */
    private Map<String, String> accountFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("CANO", account.cano());
        fields.put("ACNT_PRDT_CD", account.productCode());
        return fields;
    }

    private static KisOrderAck ack(KisResponse response) {
        JsonNode output = response.body().get("output");
        return new KisOrderAck(text(output, "krx_fwdg_ord_orgno"), text(output, "odno"), text(output, "ord_tmd"));
    }

    /**
     * The limit price as it will be sent: rounded to the KRX tick so it never trades worse than asked, and refused
     * when outside today's band.
     */
    public BigDecimal checkedPrice(String symbol, boolean buy, BigDecimal price) {
        if (price == null || price.signum() <= 0) {
            throw new KisInvalidOrderException("limit order for " + symbol + ": the price must be positive, was "
                    + price);
        }
        PriceBand band = band(symbol);
        BigDecimal rounded = KrxTick.roundForOrder(price, buy, band.kind());
        if (!band.contains(rounded)) {
            throw new KisInvalidOrderException("limit order for " + symbol + " at " + rounded.toPlainString()
                    + " is outside today's price band " + band.lower().toPlainString() + "–"
                    + band.upper().toPlainString() + " (±30 % of " + band.base().toPlainString() + "); KRX would refuse it");
        }
        return rounded;
    }

    /** Today's (KST) band for {@code symbol}, asked of KIS once a day. */
    public PriceBand band(String symbol) {
        String code = KrxSymbol.normalize(symbol);
        LocalDate today = LocalDate.ofInstant(clock.now(), KST);
        PriceBand band = bands.get(code);
        if (band == null || !band.tradingDate().equals(today)) {
            KisQuote quote = quotations.price(code);
            band = new PriceBand(code, today, quote.lowerLimit(), quote.upperLimit(), quote.basePrice(),
                    tickKind(quote));
            bands.put(code, band);
        }
        return band;
    }

    /** ETFs, ETNs and ELWs tick in 5 won at every price; KIS reports the unit at the current price. */
    private static KrxTick.Kind tickKind(KisQuote quote) {
        boolean flatFive = quote.tickSize() == 5
                && KrxTick.tickSize(quote.price(), KrxTick.Kind.STOCK) != 5;
        return flatFive ? KrxTick.Kind.FUND : KrxTick.Kind.STOCK;
    }

    /** 주식잔고조회 (TTTC8434R), all pages. */
    public KisBalance balance() {
        Map<String, String> params = accountFields();
        params.put("AFHR_FLPR_YN", "N");
        params.put("OFL_YN", "");
        params.put("INQR_DVSN", "02");
        params.put("UNPR_DVSN", "01");
        params.put("FUND_STTL_ICLD_YN", "N");
        params.put("FNCG_AMT_AUTO_RDPT_YN", "N");
        params.put("PRCS_DVSN", "00");
        List<KisResponse> pages = rest.getAllPages("balance of account " + account, BASE + "/inquire-balance",
                mode.trId("TTTC8434R"), params, 100, MAX_PAGES);
        List<KisHolding> holdings = new ArrayList<>();
        for (KisResponse page : pages) {
            for (JsonNode row : KisJson.records(page.body(), "output1")) {
                if (text(row, "pdno").isEmpty()) {
                    continue;
                }
                holdings.add(new KisHolding(KrxSymbol.normalize(text(row, "pdno")), text(row, "prdt_name"),
                        whole(row, "hldg_qty"), whole(row, "ord_psbl_qty"), decimal(row, "pchs_avg_pric"),
                        decimal(row, "prpr"), decimal(row, "evlu_amt"), decimal(row, "evlu_pfls_amt")));
            }
        }
        // output2 is an array of one element on this endpoint; the summary of the last page is the complete one.
        JsonNode summary = KisJson.record(pages.get(pages.size() - 1).body(), "output2");
        return new KisBalance(holdings, decimal(summary, "dnca_tot_amt"), decimal(summary, "prvs_rcdl_excc_amt"),
                decimal(summary, "tot_evlu_amt"));
    }

    /** 매수가능조회 (TTTC8908R). A market order is priced by KIS at the upper limit, so none is sent for it. */
    public KisBuyable buyable(String symbol, KisOrderDivision division, BigDecimal price) {
        String code = KrxSymbol.normalize(symbol);
        Map<String, String> params = accountFields();
        params.put("PDNO", code);
        params.put("ORD_UNPR", division.pricedByCaller() ? price.toPlainString() : "");
        params.put("ORD_DVSN", division.code());
        params.put("CMA_EVLU_AMT_ICLD_YN", "N");
        params.put("OVRS_ICLD_YN", "N");
        JsonNode output = rest.get("buyable quantity of " + code + " for account " + account,
                BASE + "/inquire-psbl-order", mode.trId("TTTC8908R"), params, "").body().get("output");
        return new KisBuyable(decimal(output, "ord_psbl_cash"), whole(output, "nrcvb_buy_qty"),
                whole(output, "max_buy_qty"));
    }

    /**
     * 주식일별주문체결조회, all pages, oldest first. Inquiries reaching back more than three months use the
     * long-range tr_id ({@code CTSC9215R}), the rest {@code TTTC0081R}.
     */
    public List<KisExecution> executions(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.now(), KST);
        String trId = from.isBefore(today.minusMonths(3)) ? "CTSC9215R" : "TTTC0081R";
        Map<String, String> params = accountFields();
        params.put("INQR_STRT_DT", from.format(YMD));
        params.put("INQR_END_DT", to.format(YMD));
        params.put("SLL_BUY_DVSN_CD", "00");
        params.put("INQR_DVSN", "01");
        params.put("PDNO", "");
        params.put("CCLD_DVSN", "00");
        params.put("ORD_GNO_BRNO", "");
        params.put("ODNO", "");
        params.put("INQR_DVSN_3", "00");
        params.put("INQR_DVSN_1", "");
        List<KisExecution> executions = new ArrayList<>();
        for (KisResponse page : rest.getAllPages("orders of account " + account, BASE + "/inquire-daily-ccld",
                mode.trId(trId), params, 100, MAX_PAGES)) {
            for (JsonNode row : KisJson.records(page.body(), "output1")) {
                if (text(row, "odno").isEmpty()) {
                    continue;
                }
                executions.add(new KisExecution(LocalDate.parse(text(row, "ord_dt"), YMD), text(row, "odno"),
                        text(row, "orgn_odno"),
                        "01".equals(text(row, "sll_buy_dvsn_cd")) ? KisExecution.Side.SELL : KisExecution.Side.BUY,
                        KrxSymbol.normalize(text(row, "pdno")), whole(row, "ord_qty"), decimal(row, "ord_unpr"),
                        whole(row, "tot_ccld_qty"), decimal(row, "avg_prvs"), whole(row, "rmn_qty"),
                        "Y".equals(text(row, "cncl_yn")), text(row, "ord_tmd")));
            }
        }
        return executions;
    }
}
