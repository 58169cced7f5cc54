package dev.stratc.brokers.kis.ws;

import dev.stratc.brokers.kis.rest.KisOrderBook;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The data frames of the real-time socket: {@code <enc>|<tr_id>|<count>|<payload>}, the payload being
 * {@code ^}-separated fields with {@code count} records laid end to end. Records are cut by dividing the field
 * count by the record count, so a layout that grows a field (KIS announced a 47th for H0STCNT0) still parses.
 */
public final class RealtimeFrames {

    public static final String TRADES = "H0STCNT0";
    public static final String BOOK = "H0STASP0";
    public static final String NOTICES_REAL = "H0STCNI0";
    public static final String NOTICES_PAPER = "H0STCNI9";

    /** Execution notices (domestic or overseas), whose tr_key is the HTS ID. */
    public static boolean isNotice(String trId) {
        return trId.startsWith("H0STCNI") || trId.startsWith("H0GSCNI");
    }

    static final int TRADE_FIELDS = 46;
    static final int BOOK_FIELDS = 59;
    /** The legacy notice layout (KIS's own doc sample) has 23 fields; the current one 26. Both share 0–16. */
    static final int NOTICE_MIN_FIELDS = 17;

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HHmmss");

    /** A data frame as received; {@code payload} is still base64 when {@code encrypted}. */
    public record Frame(boolean encrypted, String trId, int count, String payload) {
    }

    private RealtimeFrames() {
    }

    /** Splits a data frame's header, or throws {@link IllegalArgumentException} for anything else. */
    public static Frame frame(String text) {
        String[] parts = text.split("\\|", 4);
        if (parts.length != 4 || !(parts[0].equals("0") || parts[0].equals("1"))) {
            throw new IllegalArgumentException("not a KIS data frame");
        }
        return new Frame(parts[0].equals("1"), parts[1], Integer.parseInt(parts[2].strip()), parts[3]);
    }

    /** The payload cut into {@code count} records. */
    public static List<String[]> records(String payload, int count, int minimumFields) {
        String[] fields = payload.split("\\^", -1);
        if (count <= 0 || fields.length % count != 0 || fields.length / count < minimumFields) {
            throw new IllegalArgumentException("payload of " + fields.length + " fields does not hold " + count
                    + " records of at least " + minimumFields + " fields (truncated frame?)");
        }
        int width = fields.length / count;
        List<String[]> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] record = new String[width];
            System.arraycopy(fields, i * width, record, 0, width);
            records.add(record);
        }
        return records;
    }

    public static KisTrade trade(String[] f) {
        return new KisTrade(f[0], LocalDate.parse(f[33], YMD), LocalTime.parse(f[1], HMS), number(f[2]),
                whole(f[12]), whole(f[13]), number(f[7]), number(f[8]), number(f[9]), number(f[10]), number(f[11]),
                f[21], f[43]);
    }

    public static KisBookUpdate book(String[] f) {
        List<KisOrderBook.Level> asks = new ArrayList<>(10);
        List<KisOrderBook.Level> bids = new ArrayList<>(10);
        for (int level = 0; level < 10; level++) {
            asks.add(new KisOrderBook.Level(number(f[3 + level]), whole(f[23 + level])));
            bids.add(new KisOrderBook.Level(number(f[13 + level]), whole(f[33 + level])));
        }
        return new KisBookUpdate(new KisOrderBook(f[0], f[1], asks, bids), f[2]);
    }

    public static KisExecutionNotice notice(String[] f) {
        return new KisExecutionNotice(f[1], f[2], f[3], "02".equals(f[4]), f[5], f[8], whole(f[9]), number(f[10]),
                f[11], "1".equals(f[12]), "2".equals(f[13]), f[14], whole(f[16]));
    }

    private static BigDecimal number(String text) {
        String t = text.strip();
        return t.isEmpty() || t.equals("(null)") ? BigDecimal.ZERO : new BigDecimal(t);
    }

    private static long whole(String text) {
        return number(text).longValueExact();
    }
}
