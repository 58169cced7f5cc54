package dev.stratc.brokers.kis.ws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-CBC with PKCS#7 padding (the JDK calls it PKCS5Padding), keyed by the 32-character {@code key} and
 * 16-character {@code iv} of the subscribe reply; the payload is base64.
 */
public record NoticeCipher(String key, String iv) {

    public String decrypt(String base64) throws GeneralSecurityException {
        Cipher cipher = cipher(Cipher.DECRYPT_MODE);
        return new String(cipher.doFinal(Base64.getDecoder().decode(base64.strip())), StandardCharsets.UTF_8);
    }

    /** The server's side, for test peers. */
    public String encrypt(String plain) throws GeneralSecurityException {
        Cipher cipher = cipher(Cipher.ENCRYPT_MODE);
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(mode, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                new IvParameterSpec(iv.getBytes(StandardCharsets.UTF_8)));
        return cipher;
    }

    @Override
    public String toString() {
        return "NoticeCipher[***]";
    }
}
