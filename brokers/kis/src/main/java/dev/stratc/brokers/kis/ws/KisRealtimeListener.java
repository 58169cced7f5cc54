package dev.stratc.brokers.kis.ws;

/** Receives what the real-time socket delivers. Called on the socket's reader thread: return quickly. */
public interface KisRealtimeListener {

    default void onTrade(KisTrade trade) {
    }

    default void onBook(KisBookUpdate update) {
    }

    default void onNotice(KisExecutionNotice notice) {
    }

    /** KIS refused a registration ({@code OPSP0008 MAX SUBSCRIBE OVER}, …). */
    default void onSubscriptionRefused(String trId, String trKey, String msgCd, String message) {
    }

    /** The socket is open and every wanted registration was sent. */
    default void onConnected() {
    }

    /** The socket closed or failed; a reconnect follows after {@code retryInMillis} unless the client was closed. */
    default void onDisconnected(String reason, long retryInMillis) {
    }
}
