package dev.stratc.brokers.binance.config;

import dev.stratc.brokers.binance.sign.ApiKey;
import dev.stratc.brokers.binance.sign.Ed25519Key;
import dev.stratc.brokers.binance.sign.HmacKey;
import dev.stratc.runtime.broker.BrokerAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One Binance account (main or sub-account) as {@code config/accounts.yaml} describes it:
 * <pre>
 * - id: binance-main
 *   broker: binance
 *   environment: paper                  # paper = Spot Testnet, live = production
 *   api_key: ${BINANCE_API_KEY}
 *   api_secret: ${BINANCE_API_SECRET}   # an HMAC key, or instead:
 *   private_key_file: ${BINANCE_ED25519_PEM}   # an Ed25519 key (PKCS#8 PEM), as Binance recommends
 *   sub_account_of: binance-main        # for a sub-account: its master's id (its own key, its own order limits)
 *   quote_asset: USDT
 *   rest_url / ws_api_url / stream_url  # override one address (a mock, a regional endpoint)
 *   recv_window_ms: 5000
 * </pre>
 */
public record BinanceAccountSettings(String id, boolean paper, ApiKey key, BinanceEndpoints endpoints,
        String quoteAsset, Duration recvWindow, String subAccountOf) {

    public static BinanceAccountSettings from(BrokerAccount account, BinanceConfig config) {
        boolean paper = account.isPaper();
        BinanceEndpoints base = paper ? config.testnet() : config.production();
        BinanceEndpoints endpoints = base.with(account.setting("rest_url").orElse(null),
                account.setting("ws_api_url").orElse(null), account.setting("stream_url").orElse(null));
        Duration recvWindow = account.setting("recv_window_ms").map(v -> parseMillis(account.id(), v))
                .orElse(config.recvWindow());
        return new BinanceAccountSettings(account.id(), paper, key(account), endpoints,
                account.setting("quote_asset").orElse("USDT"), recvWindow,
                account.setting("sub_account_of").orElse(null));
    }

    /**
     * An account with {@code markets: usdm}: the same key, quote asset and recvWindow, the futures addresses
     * (futures testnet for paper), overridden by {@code futures_rest_url} and {@code futures_stream_url}.
     */
    public static BinanceAccountSettings futures(BrokerAccount account, BinanceConfig config) {
        BinanceAccountSettings spot = from(account, config);
        BinanceEndpoints base = spot.paper() ? BinanceEndpoints.FUTURES_TESTNET : BinanceEndpoints.FUTURES_PRODUCTION;
        BinanceEndpoints endpoints = base.with(account.setting("futures_rest_url").orElse(null), null,
                account.setting("futures_stream_url").orElse(null));
        return new BinanceAccountSettings(spot.id(), spot.paper(), spot.key(), endpoints, spot.quoteAsset(),
                spot.recvWindow(), spot.subAccountOf());
    }

    private static ApiKey key(BrokerAccount account) {
        String apiKey = account.secret("api_key");
        boolean hmac = account.settings().containsKey("api_secret");
        boolean ed25519 = account.settings().containsKey("private_key_file");
        if (hmac == ed25519) {
            throw new IllegalArgumentException("account " + account.id()
                    + ": give either api_secret (HMAC) or private_key_file (Ed25519), not " + (hmac ? "both" : "neither"));
        }
        if (hmac) {
            return new HmacKey(apiKey, account.secret("api_secret"));
        }
        Path pem = Path.of(account.secret("private_key_file"));
        try {
            return Ed25519Key.fromPem(apiKey, Files.readString(pem));
        } catch (IOException e) {
            throw new IllegalArgumentException("account " + account.id() + ": private_key_file " + pem
                    + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("account " + account.id() + ": private_key_file " + pem + ": "
                    + e.getMessage(), e);
        }
    }

    private static Duration parseMillis(String account, String value) {
        try {
            long millis = Long.parseLong(value.trim());
            if (millis < 1 || millis > 60_000) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("account " + account + ": recv_window_ms must be 1..60000, is " + value);
        }
    }

    public Optional<String> masterAccount() {
        return Optional.ofNullable(subAccountOf);
    }

    @Override
    public String toString() {
        return "BinanceAccountSettings[" + id + ", " + (paper ? "testnet" : "production") + ", " + key + ", "
                + endpoints.rest() + "]";
    }
}
