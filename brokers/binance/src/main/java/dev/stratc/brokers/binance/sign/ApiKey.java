package dev.stratc.brokers.binance.sign;

/**
 * An API key and the means to sign with it. Implementations never show the secret in {@code toString}.
 *
 * <p>Binance now recommends Ed25519 keys and calls HMAC keys deprecated (still accepted); both sign the same
 * payload, only the signature's form differs (lower-case hex vs. base64).
 */
public sealed interface ApiKey permits HmacKey, Ed25519Key {

    /** Sent in the {@code X-MBX-APIKEY} header (REST) or the {@code apiKey} parameter (WebSocket API). */
    String apiKey();

    /** The signature of {@code payload} (UTF-8), as the value of the {@code signature} parameter before encoding. */
    String sign(String payload);
}
