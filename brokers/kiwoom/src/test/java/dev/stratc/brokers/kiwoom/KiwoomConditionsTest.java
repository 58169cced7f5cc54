package dev.stratc.brokers.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.runtime.broker.RecordingListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Condition search (ka10171–ka10174) over the account's WebSocket session, against the mock's HTS conditions. */
class KiwoomConditionsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    KiwoomFixture fixture;
    KiwoomBroker broker;
    final List<String> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        fixture = new KiwoomFixture(KiwoomEnvironment.MOCK, dir);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(String.format("%06d", 300_000 + i));
        }
        fixture.kiwoom.addCondition("0", "거래량급증", List.of("005930", "000660"));
        fixture.kiwoom.addCondition("2", "전체", many);
        broker = fixture.broker();
        broker.start(new RecordingListener());
    }

    @AfterEach
    void close() throws Exception {
        broker.stop();
        assertThat(fixture.kiwoom.violations()).isEmpty();
        fixture.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void theHtsConditionsAreListedAndOneRunIsPagedToTheEnd() {
        KiwoomConditions conditions = broker.conditions();
        assertThat(conditions.list()).containsExactly(new KiwoomConditions.Condition("0", "거래량급증"),
                new KiwoomConditions.Condition("2", "전체"));
        List<String> codes = conditions.run(conditions.named("전체"));
        assertThat(codes).hasSize(120).doesNotHaveDuplicates().startsWith("300000").endsWith("300119");
    }

    @Test
    void aFollowedConditionGivesItsHitsThenEveryEntryAndExit() throws Exception {
        Set<String> now = broker.follow("거래량급증", (code, in) -> changes.add((in ? "+" : "-") + code));
        assertThat(now).containsExactly("005930", "000660");
        assertThat(fixture.kiwoom.following("0")).isTrue();

        fixture.kiwoom.conditionChange("0", "035420", true);
        fixture.kiwoom.conditionChange("0", "005930", false);
        await("the entry and the exit", () -> changes.size() == 2);
        assertThat(changes).containsExactly("+035420", "-005930");

        broker.unfollow("거래량급증");
        await("CNSRCLR", () -> !fixture.kiwoom.following("0"));
        fixture.kiwoom.conditionChange("0", "051910", true);
        Thread.sleep(200); // nothing may come now; a late frame would show in the next assertion
        assertThat(changes).hasSize(2);
    }

    @Test
    void afterAReconnectTheConditionIsFollowedAgainAndWhatChangedMeanwhileIsTold() throws Exception {
        broker.follow("거래량급증", (code, in) -> changes.add((in ? "+" : "-") + code));
        fixture.kiwoom.closeSockets();
        fixture.kiwoom.conditionChange("0", "000660", false); // while the session is down
        await("followed again", () -> fixture.kiwoom.following("0"));
        await("the exit told", () -> changes.contains("-000660"));
        fixture.kiwoom.conditionChange("0", "035720", true);
        await("an entry on the new session", () -> changes.contains("+035720"));
    }

    @Test
    void anUnknownNameListsTheConditionsThereAre() {
        assertThatThrownBy(() -> broker.follow("급등주", (code, in) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no condition named '급등주'").hasMessageContaining("[거래량급증, 전체]")
                .hasMessageContaining("HTS");
    }

    @Test
    void theEleventhRealtimeConditionIsRefusedBeforeKiwoomSeesIt() {
        for (int i = 0; i < 10; i++) {
            fixture.kiwoom.addCondition(Integer.toString(10 + i), "c" + i, List.of());
        }
        for (int i = 0; i < 10; i++) {
            broker.follow("c" + i, (code, in) -> { });
        }
        assertThatThrownBy(() -> broker.follow("거래량급증", (code, in) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10 conditions");
        assertThat(fixture.kiwoom.following("0")).isFalse();
    }
}
