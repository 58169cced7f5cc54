package dev.stratc.brokers.kis.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * The balance inquiry: holdings and the cash summary.
 *
 * @param deposit         예수금총금액 ({@code dnca_tot_amt})
 * @param settledDeposit  D+2 deposit ({@code prvs_rcdl_excc_amt}), what is left after pending settlements
 * @param totalEvaluation 총평가금액 ({@code tot_evlu_amt})
 */
public record KisBalance(List<KisHolding> holdings, BigDecimal deposit, BigDecimal settledDeposit,
        BigDecimal totalEvaluation) {
}
