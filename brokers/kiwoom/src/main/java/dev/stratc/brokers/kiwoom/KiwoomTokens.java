package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one app key: {@code au10001} ({@code POST /oauth2/token}, body {@code appkey} +
 * {@code secretkey}, reply {@code token} + {@code expires_dt} in KST) and {@code au10002} to revoke it.
 *
 * <p>Tokens live in memory, then in an owner-only file per key ({@code token-<fingerprint>.json}) that every command
 * shares, so {@code stratc run} after {@code stratc data fetch kiwoom} reuses the fetch's token. Issuing holds a lock
 * file per key, so of two processes starting together one issues and the other reads. Kiwoom's token-issue limit is
 * unknown; we issue only when there is no usable token, and after a refusal of a token at most once per token
 * ({@link #renewAfterRejection}), so a server that keeps refusing never sees a loop of issues.
 */
public final class KiwoomTokens {

    /** The official client renews 600 s before expiry. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(10);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Logger LOG = LoggerFactory.getLogger(KiwoomTokens.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** A token and when it stops working. */
    public record Token(String value, Instant expiresAt) {
        boolean usableAt(Instant now) {
            return now.plus(RENEW_BEFORE_EXPIRY).isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "Token[expires " + expiresAt + "]";
        }
    }

    private final KiwoomConfig config;
    private final KiwoomHttp http;
    private final BrokerClock clock;
    private Token token;
    /** The tokens already renewed after a refusal: a second refusal of their successor is final. */
    private final java.util.Set<String> renewedAfter = new java.util.HashSet<>();
    private int issued;

    KiwoomTokens(KiwoomConfig config, KiwoomHttp http, BrokerClock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    /** {@code $XDG_CACHE_HOME/stratc/kiwoom}, or {@code ~/.cache/stratc/kiwoom}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("stratc").resolve("kiwoom");
    }

    public Path file() {
        return config.tokenCacheDir().resolve("token-" + config.keyFingerprint() + ".json");
    }

    /** How many tokens this process issued for the key. */
    public synchronized int issued() {
        return issued;
    }

    /** A token good for {@link #RENEW_BEFORE_EXPIRY} more at least. */
    public synchronized Token current() throws InterruptedException {
        if (token != null && token.usableAt(clock.now())) {
            return token;
        }
        return locked(() -> {
            Optional<Token> cached = load().filter(t -> t.usableAt(clock.now()));
            token = cached.isPresent() ? cached.get() : issue();
            return token;
        });
    }

    /**
     * Kiwoom refused {@code rejected} (8005, 8031, 8103 or HTTP 401): a new token, unless another thread or process
     * already has one. Empty when {@code rejected} itself came from such a renewal: the caller then fails instead of
     * asking again.
     */
    public synchronized Optional<Token> renewAfterRejection(Token rejected) throws InterruptedException {
        if (token != null && !token.value().equals(rejected.value())) {
            return Optional.of(token);
        }
        if (renewedAfter.contains(rejected.value())) {
            return Optional.empty();
        }
        token = null;
        Token fresh = locked(() -> {
            Optional<Token> cached = load().filter(t -> !t.value().equals(rejected.value()) && t.usableAt(clock.now()));
            return cached.isPresent() ? cached.get() : issue();
        });
        renewedAfter.add(fresh.value());
        token = fresh;
        return Optional.of(fresh);
    }

    /** {@code au10002}: revokes the token and forgets it here and on disk. */
    public synchronized void revoke() throws InterruptedException {
        Optional<Token> known = Optional.ofNullable(token).or(this::load);
        if (known.isEmpty()) {
            return;
        }
        ObjectNode body = KiwoomJson.MAPPER.createObjectNode().put("appkey", config.appKey())
                .put("secretkey", config.secretKey()).put("token", known.get().value());
        KiwoomHttp.Reply reply = http.post(config.restUrl() + "/oauth2/revoke", "au10002", null, null, null, body);
        int rc = KiwoomJson.returnCode(reply.body());
        if (reply.status() != 200 || rc != 0) {
            throw refusal("revoke the access token", reply);
        }
        token = null;
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            LOG.warn("Kiwoom key {}: cannot delete {}: {}", config.keyFingerprint(), file(), e.getMessage());
        }
    }

    private Token issue() {
        ObjectNode body = KiwoomJson.MAPPER.createObjectNode().put("grant_type", "client_credentials")
                .put("appkey", config.appKey()).put("secretkey", config.secretKey());
        KiwoomHttp.Reply reply = http.post(config.restUrl() + "/oauth2/token", "au10001", null, null, null, body);
        String value = KiwoomJson.text(reply.body(), "token");
        if (reply.status() != 200 || KiwoomJson.returnCode(reply.body()) != 0 || value.isEmpty()) {
            throw refusal("issue an access token", reply);
        }
        Instant expires;
        try {
            expires = LocalDateTime.parse(KiwoomJson.text(reply.body(), "expires_dt"), EXPIRES).atZone(KST).toInstant();
        } catch (RuntimeException e) {
            expires = clock.now().plus(Duration.ofHours(24)); // the guides' lifetime; the reply is the truth when given
        }
        Token fresh = new Token(value, expires);
        save(fresh);
        issued++;
        LOG.info("Kiwoom key {}: new access token, valid until {}", config.keyFingerprint(), expires);
        return fresh;
    }

    private KiwoomAuthException refusal(String what, KiwoomHttp.Reply reply) {
        int rc = KiwoomJson.returnCode(reply.body());
        String message = KiwoomJson.text(reply.body(), "return_msg");
        int code = KiwoomException.detailCode(rc, message);
        return new KiwoomAuthException("Kiwoom refused to " + what + " for account " + config.id() + " (key "
                + config.keyFingerprint() + "): HTTP " + reply.status() + ", return_code " + rc
                + (message.isEmpty() ? "" : " " + message) + KiwoomErrors.hint(code), reply.status(), rc, code);
    }

    private Optional<Token> load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = KiwoomJson.parse(Files.readString(file));
            return Optional.of(new Token(KiwoomJson.text(json, "token"), Instant.parse(KiwoomJson.text(json,
                    "expires_at"))));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    private void save(Token fresh) {
        Path dir = config.tokenCacheDir();
        try {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            Path temporary = Files.createTempFile(dir, ".token-", ".tmp");
            restrict(temporary, "rw-------");
            Files.writeString(temporary, KiwoomJson.MAPPER.createObjectNode().put("key", config.keyFingerprint())
                    .put("token", fresh.value()).put("expires_at", fresh.expiresAt().toString()).toString());
            try {
                Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KiwoomException("cannot write the Kiwoom token cache " + file() + ": " + e.getMessage()
                    + " (set token_cache_dir to a writable directory)", e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private interface Action<T> {
        T run() throws InterruptedException;
    }

    /** Runs {@code action} holding the key's lock, in this process and (through a lock file) across processes. */
    private <T> T locked(Action<T> action) throws InterruptedException {
        Path lockFile = config.tokenCacheDir().resolve("token-" + config.keyFingerprint() + ".lock").toAbsolutePath();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lockInterruptibly();
        try {
            FileChannel channel = null;
            try {
                Files.createDirectories(lockFile.getParent());
                restrict(lockFile.getParent(), "rwx------");
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channel.lock();
            } catch (IOException e) {
                close(channel);
                channel = null; // an odd file system: the in-process lock is what we have
            }
            try {
                return action.run();
            } finally {
                close(channel);
            }
        } finally {
            local.unlock();
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock
            }
        }
    }
}
