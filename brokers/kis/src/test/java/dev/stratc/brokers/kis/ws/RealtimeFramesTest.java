package dev.stratc.brokers.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The frame layouts, on the sample records of KIS's own documentation (test resources, see SOURCES.md). */
class RealtimeFramesTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = RealtimeFramesTest.class.getResourceAsStream("/kis/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void readsTheDocumentedTradeRecord() throws IOException {
        var frame = RealtimeFrames.frame("0|H0STCNT0|001|" + resource("h0stcnt0-sample.txt"));
        assertThat(frame.encrypted()).isFalse();
        var records = RealtimeFrames.records(frame.payload(), frame.count(), RealtimeFrames.TRADE_FIELDS);
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).hasSize(46);
        KisTrade trade = RealtimeFrames.trade(records.get(0));
        assertThat(trade.symbol()).isEqualTo("005930");
        assertThat(trade.time()).isEqualTo(LocalTime.of(9, 33, 54));
        assertThat(trade.date()).isEqualTo(LocalDate.of(2023, 6, 12));
        assertThat(trade.price()).isEqualByComparingTo("71900");
        assertThat(trade.volume()).isEqualTo(1);
        assertThat(trade.cumulativeVolume()).isEqualTo(3_052_507);
        assertThat(trade.open()).isEqualByComparingTo("72100");
        assertThat(trade.ask()).isEqualByComparingTo("71900");
        assertThat(trade.bid()).isEqualByComparingTo("71800");
        assertThat(trade.sessionCode()).isEqualTo("0");
    }

    @Test
    void cutsSeveralRecordsByFieldCountIncludingAGrownLayout() throws IOException {
        String record = resource("h0stcnt0-sample.txt");
        var records = RealtimeFrames.records(record + "^" + record.replace("^093354^", "^093355^"), 2, 46);
        assertThat(records).extracting(f -> f[1]).containsExactly("093354", "093355");
        // KIS announced a 47th field (MARKET_CLS_CODE); records are cut by count, so it still parses.
        var grown = RealtimeFrames.records(record + "^2^" + record + "^2", 2, 46);
        assertThat(grown).allSatisfy(f -> assertThat(f).hasSize(47));
        assertThat(RealtimeFrames.trade(grown.get(1)).price()).isEqualByComparingTo("71900");
    }

    @Test
    void refusesATruncatedPayload() throws IOException {
        String record = resource("h0stcnt0-sample.txt");
        assertThatThrownBy(() -> RealtimeFrames.records(record.substring(0, record.length() / 2), 1, 46))
                .hasMessageContaining("truncated");
    }

    @Test
    void readsTheDocumentedLegacyNoticeRecord() throws IOException {
        var records = RealtimeFrames.records(resource("h0stcni0-legacy-sample.txt"), 1,
                RealtimeFrames.NOTICE_MIN_FIELDS);
        KisExecutionNotice notice = RealtimeFrames.notice(records.get(0));
        assertThat(notice.account()).isEqualTo("1234567801");
        assertThat(notice.orderNo()).isEqualTo("0000002891");
        assertThat(notice.buy()).isTrue();
        assertThat(notice.symbol()).isEqualTo("136480");
        assertThat(notice.fill()).isTrue();
        assertThat(notice.quantity()).isEqualTo(1);
        assertThat(notice.price()).isEqualByComparingTo("3190");
        assertThat(notice.rejected()).isFalse();
    }

    @Test
    void decryptsWhatTheJdkEncryptedWithTheSubscribeKeys() throws Exception {
        NoticeCipher cipher = new NoticeCipher("abcdefghijklmnopabcdefghijklmnop", "0123456789abcdef");
        String plain = "HTSID^1234567801^0000002891^^02^0^00^0^136480^0000000001^000003190";
        assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
    }

    @Test
    void controlMessagesAreNotDataFrames() {
        assertThatThrownBy(() -> RealtimeFrames.frame("{\"header\":{\"tr_id\":\"PINGPONG\"}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
