package dev.stratc.brokers.kis.ws;

import java.math.BigDecimal;

/**
 * A decrypted execution notice ({@code H0STCNI0} real, {@code H0STCNI9} paper, 체결통보).
 *
 * @param fill        true for a fill (CNTG_YN 2); false for an acknowledgement of an order, revision, cancellation
 *                    or rejection (CNTG_YN 1)
 * @param quantity    filled quantity on a fill; on an acknowledgement, the order quantity
 * @param price       fill price on a fill; on an acknowledgement, the order price
 * @param correction  RCTF_CLS: 0 normal, 1 revision, 2 cancellation
 * @param acceptance  ACPT_YN: 1 accepted, 2 confirmed, 3 cancelled (IOC/FOK remainder)
 */
public record KisExecutionNotice(String account, String orderNo, String originalOrderNo, boolean buy,
        String correction, String symbol, long quantity, BigDecimal price, String time, boolean rejected,
        boolean fill, String acceptance, long orderQuantity) {
}
