package dev.stratc.brokers.binance.rest;

import java.time.Instant;

/**
 * The host answered 418: this IP is banned until {@link #until()}. Nothing more is sent to it before then,
 * by any account, because each request during a ban lengthens it.
 */
public final class HostBannedException extends RuntimeException {
    private final String host;
    private final Instant until;

    public HostBannedException(String host, Instant until, String reason) {
        super(host + " has banned this IP until " + until + " (" + reason + "); no request is sent to it before then");
        this.host = host;
        this.until = until;
    }

    public String host() {
        return host;
    }

    public Instant until() {
        return until;
    }
}
