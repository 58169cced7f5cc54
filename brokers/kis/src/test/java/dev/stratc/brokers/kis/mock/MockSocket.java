package dev.stratc.brokers.kis.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The server side of one real-time session: registrations ({@code tr_type} 1/2) with KIS's control replies, one
 * session per app key ({@code OPSP8996}), at most 41 registrations ({@code OPSP0008} on the 42nd), notices
 * encrypted with AES-256-CBC under the key and iv given in the subscribe reply, and heartbeat echoes counted.
 */
final class MockSocket extends WebSocketListener {

    static final int MAX_REGISTRATIONS = 41;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final MockKis kis;
    private final Set<String> registrations = ConcurrentHashMap.newKeySet();
    private final String aesKey = random(32);
    private final String aesIv = random(16);
    private volatile WebSocket socket;
    volatile boolean open;
    volatile String appKey;

    MockSocket(MockKis kis) {
        this.kis = kis;
    }

    boolean subscribed(String trId, String trKey) {
        return open && registrations.contains(trId + "|" + trKey);
    }

    void send(String text) {
        WebSocket current = socket;
        if (open && current != null) {
            current.send(text);
        }
    }

    void sendEncrypted(String trId, String plain) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey.getBytes(StandardCharsets.UTF_8), "AES"),
                    new IvParameterSpec(aesIv.getBytes(StandardCharsets.UTF_8)));
            send("1|" + trId + "|001|" + Base64.getEncoder()
                    .encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8))));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Drops the connection without a close handshake, as a network failure does. A server-side socket cannot be
     * cancelled through the public API, so OkHttp's own failure path closes the TCP stream.
     */
    void cancel() {
        open = false;
        WebSocket current = socket;
        if (current instanceof okhttp3.internal.ws.RealWebSocket real) {
            real.failWebSocket(new java.io.IOException("mock KIS dropped the connection"), null);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        socket = webSocket;
        open = true;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        JsonNode message = MockKis.readJson(text);
        JsonNode header = message.path("header");
        if ("PINGPONG".equals(header.path("tr_id").asText())) {
            kis.pongs.incrementAndGet();
            return;
        }
        JsonNode input = message.path("body").path("input");
        String trId = input.path("tr_id").asText();
        String trKey = input.path("tr_key").asText();
        String owner = kis.appKeyOfApproval(header.path("approval_key").asText());
        if (owner == null) {
            reply(trId, trKey, "9", "OPSP0011", "invalid approval : NOT FOUND", false);
            return;
        }
        for (MockSocket other : kis.sockets) {
            if (other != this && other.open && owner.equals(other.appKey)) {
                reply("(null)", "", "9", "OPSP8996", "ALREADY IN USE appkey", false);
                return;
            }
        }
        appKey = owner;
        if (!"P".equals(header.path("custtype").asText()) && !"B".equals(header.path("custtype").asText())) {
            reply(trId, trKey, "9", "OPSP9999", "JSON PARSING ERROR : custtype", false);
            return;
        }
        String registration = trId + "|" + trKey;
        kis.registrationMessages.merge(header.path("tr_type").asText(), 1, Integer::sum);
        switch (header.path("tr_type").asText()) {
            case "1" -> {
                if (registrations.contains(registration)) {
                    reply(trId, trKey, "1", "OPSP0002", "ALREADY IN SUBSCRIBE", false);
                } else if (registrations.size() >= MAX_REGISTRATIONS) {
                    kis.slotRefusals.incrementAndGet();
                    reply(trId, trKey, "1", "OPSP0008", "MAX SUBSCRIBE OVER", false);
                } else if (trId.startsWith("H0STCNI") && !validNoticeRegistration(owner, trId, trKey)) {
                    reply(trId, trKey, "1", "OPSP0011", "invalid tr_key for notices", false);
                } else {
                    registrations.add(registration);
                    kis.mostRegistrations.merge(owner, registrations.size(), Math::max);
                    reply(trId, trKey, "0", "OPSP0000", "SUBSCRIBE SUCCESS", true);
                }
            }
            case "2" -> {
                if (registrations.remove(registration)) {
                    reply(trId, trKey, "0", "OPSP0001", "UNSUBSCRIBE SUCCESS", true);
                } else {
                    reply(trId, trKey, "1", "OPSP0003", "UNSUBSCRIBE ERROR(not found!)", false);
                }
            }
            default -> reply(trId, trKey, "9", "OPSP9999", "JSON PARSING ERROR : tr_type", false);
        }
    }

    /** Paper keys get notices on H0STCNI9, real ones on H0STCNI0, both keyed by the HTS ID. */
    private boolean validNoticeRegistration(String owner, String trId, String trKey) {
        MockAccount account = kis.account(owner);
        return trId.equals(account.paper ? "H0STCNI9" : "H0STCNI0") && trKey.equals(account.htsId);
    }

    private void reply(String trId, String trKey, String rtCd, String msgCd, String msg1, boolean withKeys) {
        ObjectNode reply = MockKis.JSON.createObjectNode();
        reply.putObject("header").put("tr_id", trId).put("tr_key", trKey).put("encrypt", "N");
        ObjectNode body = reply.putObject("body").put("rt_cd", rtCd).put("msg_cd", msgCd).put("msg1", msg1);
        if (withKeys) {
            body.putObject("output").put("iv", aesIv).put("key", aesKey);
        }
        send(reply.toString());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        open = false;
        webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        open = false;
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        open = false;
    }

    private static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
