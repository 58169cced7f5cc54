package dev.stratc.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.stratc.runtime.broker.SecretValues;

/**
 * Log lines cleaned of the secrets this process read from the environment (logback.xml uses these for
 * {@code %msg} and {@code %ex}): an adapter or a library may put an account number into a log message or an
 * exception text, and the logs are as public as the terminal.
 */
public final class MaskedLogs {
    private MaskedLogs() {
    }

    /** {@code %msg} with secrets masked. */
    public static final class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return SecretValues.clean(super.convert(event));
        }
    }

    /** {@code %ex} with secrets masked. */
    public static final class ExceptionText extends ThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return SecretValues.clean(super.convert(event));
        }
    }
}
