package dev.stratc.brokers.kis.auth;

import java.time.Duration;
import java.time.Instant;

/** A KIS access token. {@link #toString()} never shows the token itself. */
public record AccessToken(String value, Instant issuedAt, Instant expiresAt) {

    /** True while the token is still good for {@code margin} more. */
    public boolean usableAt(Instant now, Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
