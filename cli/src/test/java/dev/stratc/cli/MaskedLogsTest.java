package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.stratc.runtime.broker.SecretValues;

/** A log line never shows an account number the process read from the environment, in the message or a trace. */
class MaskedLogsTest {
    @AfterEach
    void forget() {
        SecretValues.forget();
    }

    @Test
    void messagesAndExceptionTextsAreMasked() {
        SecretValues.remember("50012345-01");
        Logger logger = (Logger) LoggerFactory.getLogger(MaskedLogsTest.class);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN,
                "order refused for account {}", new IllegalStateException("account 50012345-01 is closed"),
                new Object[] {"50012345-01"});
        MaskedLogs.Message message = new MaskedLogs.Message();
        MaskedLogs.ExceptionText exception = new MaskedLogs.ExceptionText();
        exception.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        exception.start();

        assertThat(message.convert(event)).isEqualTo("order refused for account *******5-01");
        assertThat(exception.convert(event)).contains("account *******5-01 is closed").doesNotContain("50012345");
    }
}
