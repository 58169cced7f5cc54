package dev.stratc.brokers.kis.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.kis.KisAuthException;
import dev.stratc.runtime.broker.BrokerClock;
import dev.stratc.brokers.kis.KisCredentials;
import dev.stratc.brokers.kis.KisEndpoints;
import dev.stratc.brokers.kis.KisErrorCatalog;
import dev.stratc.brokers.kis.rest.KisJson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one app key ({@code POST /oauth2/tokenP}): taken from memory, else from the disk cache, else
 * issued — and issued at most once a minute, because KIS refuses more ({@code EGW00133}).
 */
public final class AccessTokenProvider {

    /** Renew this long before the token expires, so no request carries a token that dies in flight. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(10);

    /** KIS allows one issue a minute; one extra second absorbs clock skew between us and KIS. */
    static final Duration MIN_ISSUE_INTERVAL = Duration.ofSeconds(61);

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenProvider.class);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter KIS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OkHttpClient http;
    private final KisEndpoints endpoints;
    private final KisCredentials credentials;
    private final TokenCache cache;
    private final BrokerClock clock;

    private AccessToken token;
    private Instant lastIssuedAt = Instant.EPOCH;

    public AccessTokenProvider(OkHttpClient http, KisEndpoints endpoints, KisCredentials credentials,
            TokenCache cache, BrokerClock clock) {
        this.http = http;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.cache = cache;
        this.clock = clock;
    }

    /** A token good for at least {@link #RENEW_BEFORE_EXPIRY} more. */
    public synchronized AccessToken current() throws InterruptedException {
        if (token != null && token.usableAt(clock.now(), RENEW_BEFORE_EXPIRY)) {
            return token;
        }
        return cache.locked(credentials, () -> {
            Optional<AccessToken> cached = usableCached(null);
            return cached.isPresent() ? cached.get() : issue();
        });
    }

    /**
     * KIS called {@code rejected} expired or invalid: issue a new one, unless another thread or process already
     * did. Waits out the once-a-minute rule rather than failing, since the caller is in the middle of a session.
     */
    public synchronized AccessToken renewAfterRejection(AccessToken rejected) throws InterruptedException {
        if (token != null && !token.value().equals(rejected.value())) {
            return token;
        }
        token = null;
        return cache.locked(credentials, () -> {
            Optional<AccessToken> cached = usableCached(rejected);
            return cached.isPresent() ? cached.get() : issue();
        });
    }

    /** The cached token, if it is usable and not {@code rejected}; notes when it was issued either way. */
    private Optional<AccessToken> usableCached(AccessToken rejected) {
        Optional<AccessToken> cached = cache.load(credentials);
        if (cached.isEmpty()) {
            return Optional.empty();
        }
        lastIssuedAt = max(lastIssuedAt, cached.get().issuedAt());
        boolean same = rejected != null && cached.get().value().equals(rejected.value());
        if (!same && cached.get().usableAt(clock.now(), RENEW_BEFORE_EXPIRY)) {
            token = cached.get();
            return Optional.of(token);
        }
        return Optional.empty();
    }

    /** Called holding the cache's lock. */
    private AccessToken issue() throws InterruptedException {
        Duration wait = Duration.between(clock.now(), lastIssuedAt.plus(MIN_ISSUE_INTERVAL));
        if (wait.isPositive()) {
            LOG.info("KIS key {}: waiting {} s before asking for a new access token (one a minute)",
                    credentials.fingerprint(), wait.toSeconds());
            clock.sleep(wait);
        }
        JsonPost.Reply reply = request();
        if (KisErrorCatalog.TOKEN_ONCE_A_MINUTE.equals(KisJson.text(reply.body(), "error_code"))) {
            // A program that does not share our cache (another machine, another token_cache_dir) issued one moments
            // ago; its token is not ours to read, so wait the minute out.
            LOG.warn("KIS key {}: token issue throttled (EGW00133); retrying in {} s", credentials.fingerprint(),
                    MIN_ISSUE_INTERVAL.toSeconds());
            clock.sleep(MIN_ISSUE_INTERVAL);
            reply = request();
        }
        String value = KisJson.text(reply.body(), "access_token");
        if (reply.status() != 200 || value.isEmpty()) {
            String code = KisJson.text(reply.body(), "error_code");
            String description = KisJson.text(reply.body(), "error_description");
            String hint = KisErrorCatalog.hint(code);
            throw new KisAuthException(code, "KIS refused an access token for app key " + credentials.fingerprint()
                    + "…: HTTP " + reply.status() + (code.isEmpty() ? "" : " [" + code + "] " + description)
                    + (hint.isEmpty() ? "" : " — " + hint));
        }
        Instant now = clock.now();
        lastIssuedAt = now;
        token = new AccessToken(value, now, expiry(reply.body(), now));
        cache.save(credentials, token);
        LOG.info("KIS key {}: new access token, valid until {}", credentials.fingerprint(), token.expiresAt());
        return token;
    }

    private JsonPost.Reply request() {
        return JsonPost.post(http, endpoints.restBaseUrl() + "/oauth2/tokenP", Map.of(),
                Map.of("grant_type", "client_credentials", "appkey", credentials.appKey(),
                        "appsecret", credentials.appSecret()));
    }

    /** KIS states the expiry in KST; {@code expires_in} (seconds) is the fallback. */
    private static Instant expiry(JsonNode body, Instant now) {
        String stated = KisJson.text(body, "access_token_token_expired");
        if (!stated.isEmpty()) {
            try {
                return LocalDateTime.parse(stated, KIS_TIME).atZone(KST).toInstant();
            } catch (DateTimeParseException ignored) {
                // fall through to expires_in
            }
        }
        long seconds = KisJson.decimal(body, "expires_in").longValue();
        return now.plusSeconds(seconds > 0 ? seconds : 86_400);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
