package dev.stratc.brokers.binance.stream;

import java.time.Duration;

/**
 * @param rotateAfter    replace a connection this long after it opened; Binance cuts them at 24 hours
 * @param overlapGrace   how long a replaced connection stays open if the new one delivers nothing
 * @param reconnectMin   first wait after a drop; doubled on each failed attempt up to {@code reconnectMax}
 *                       (Binance allows 300 connection attempts per 5 minutes per IP)
 * @param alertAfterFailures consecutive failed connection attempts before an alert is raised
 */
public record StreamTimings(Duration rotateAfter, Duration overlapGrace, Duration reconnectMin, Duration reconnectMax,
        int alertAfterFailures) {

    public static final StreamTimings BINANCE = new StreamTimings(Duration.ofHours(23).plusMinutes(50),
            Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(60), 5);
}
