package dev.stratc.brokers.kis.mock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Data frames in KIS's layouts, built on the sample records of KIS's own documentation (see SOURCES.md). */
final class MockFrames {

    /** KIS's documented H0STCNT0 sample record: 46 fields. */
    static final String[] TRADE_SAMPLE = resource("/kis/h0stcnt0-sample.txt").strip().split("\\^", -1);

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HHmmss");

    private MockFrames() {
    }

    static String trade(String code, long price, long size, long cumulative, Instant time) {
        String[] fields = TRADE_SAMPLE.clone();
        LocalDateTime local = LocalDateTime.ofInstant(time, MockKis.KST);
        fields[0] = code;
        fields[1] = local.format(HMS);
        fields[2] = Long.toString(price);
        fields[12] = Long.toString(size);
        fields[13] = Long.toString(cumulative);
        fields[33] = local.format(DateTimeFormatter.BASIC_ISO_DATE);
        return "0|H0STCNT0|001|" + String.join("^", fields);
    }

    /** The current 26-field notice layout, numbers zero-padded (quantities 10, prices 9) as in KIS's sample. */
    static String notice(MockAccount account, MockOrder order, boolean fill, long quantity, long price,
            String correction, Instant time) {
        String[] f = new String[26];
        f[0] = account.htsId;
        f[1] = account.cano + account.productCode;
        f[2] = order.orderNo;
        f[3] = order.originalOrderNo;
        f[4] = order.buy ? "02" : "01";
        f[5] = correction;
        f[6] = order.division;
        f[7] = "0";
        f[8] = order.symbol;
        f[9] = String.format("%010d", quantity);
        f[10] = String.format("%09d", price);
        f[11] = LocalDateTime.ofInstant(time, MockKis.KST).format(HMS);
        f[12] = "0";
        f[13] = fill ? "2" : "1";
        f[14] = fill ? "2" : "1";
        f[15] = "06010";
        f[16] = String.format("%09d", order.quantity);
        f[17] = "김한투";
        f[18] = "";
        f[19] = "1";
        f[20] = "N";
        f[21] = "";
        f[22] = "";
        f[23] = "";
        f[24] = "삼성전자";
        f[25] = String.format("%09d", order.price);
        return String.join("^", f);
    }

    static String resource(String name) {
        try (InputStream in = MockFrames.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
