package dev.stratc.bus.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An account is held by one engine at a time; a second one waits, and gets it when the first lets go. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AccountLeaseTest {
    @TempDir
    static Path kafkaDir;
    private static LocalKafka kafka;

    @BeforeAll
    static void start() {
        kafka = LocalKafka.start(kafkaDir, 0);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aSecondEngineWaitsUntilTheHolderLetsGo() throws Exception {
        KafkaBusConfig config = KafkaBusConfig.parse(URI.create(kafka.address()));
        try (AccountLease first = new AccountLease(config, "ACC-1", "engine-a")) {
            assertThat(first.await(Duration.ofSeconds(60))).as("the first engine gets the free account").isTrue();
            try (AccountLease second = new AccountLease(config, "ACC-1", "engine-b");
                 AccountLease other = new AccountLease(config, "ACC-2", "engine-b")) {
                assertThat(other.await(Duration.ofSeconds(60))).as("another account is free").isTrue();
                // the group has rebalanced for the newcomer by the time it holds ACC-2's lease or soon after;
                // through all of it the first holder keeps ACC-1 and the second never holds it alongside
                for (int i = 0; i < 40; i++) {
                    assertThat(first.held() && second.held()).as("never held twice").isFalse();
                    Thread.sleep(100);
                }
                assertThat(first.held()).as("the holder keeps the account while a second engine waits").isTrue();
                assertThat(second.held()).isFalse();
                first.close();
                assertThat(second.await(Duration.ofSeconds(60))).as("the waiting engine gets it once it is let go")
                        .isTrue();
            }
        }
    }
}
