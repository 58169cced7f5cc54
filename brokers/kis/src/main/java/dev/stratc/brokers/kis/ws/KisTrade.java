package dev.stratc.brokers.kis.ws;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One trade from {@code H0STCNT0} (국내주식 실시간체결가), selected from its 46 fields.
 *
 * @param volume           this trade's quantity (CNTG_VOL)
 * @param cumulativeVolume the day's volume so far (ACML_VOL)
 * @param side             CCLD_DVSN: 1 buyer-initiated, 5 seller-initiated, 3 pre-market
 * @param sessionCode      HOUR_CLS_CODE: 0 regular, A/B expected prices after/before market, C VI, D off-hours
 */
public record KisTrade(String symbol, LocalDate date, LocalTime time, BigDecimal price, long volume,
        long cumulativeVolume, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal ask, BigDecimal bid,
        String side, String sessionCode) {
}
