package dev.stratc.brokers.binance.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** An Ed25519 key (the JDK's EdDSA): the signature is the base64 of the Ed25519 signature of the payload. */
public final class Ed25519Key implements ApiKey {
    private final String apiKey;
    private final PrivateKey privateKey;

    public Ed25519Key(String apiKey, PrivateKey privateKey) {
        this.apiKey = HmacKey.requireText(apiKey, "apiKey");
        if (!"EdDSA".equals(privateKey.getAlgorithm()) && !"Ed25519".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + privateKey.getAlgorithm());
        }
        this.privateKey = privateKey;
    }

    /** Reads the PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) that Binance's key generator writes. */
    public static Ed25519Key fromPem(String apiKey, String pkcs8Pem) {
        String base64 = pkcs8Pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new Ed25519Key(apiKey, key);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the Ed25519 private key is not a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----): " + e.getMessage(), e);
        }
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    @Override
    public String sign(String payload) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "Ed25519Key[" + Redaction.of(apiKey) + "]";
    }
}
