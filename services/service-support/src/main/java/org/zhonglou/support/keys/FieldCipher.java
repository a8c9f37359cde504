package org.zhonglou.support.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for single values at rest, in the form {@code v2:<key id>:<base64 of nonce + ciphertext>}:
 * the key id says which key of the {@link KeyRing} opens it, so the keys can rotate while old values stay
 * readable. Each value gets a fresh 96-bit nonce. The caller may bind associated data (the owning
 * document's id), so a value copied into another document does not open. Values written before key ids
 * existed are opened by {@link #openWithoutKeyId}, which tries every configured key (GCM's tag tells the
 * right one).
 */
public final class FieldCipher {

    static final String PREFIX = "v2:";
    private static final String AES = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /**
     * One generator per thread: a shared SecureRandom is synchronised, and in a sign-up rush (four
     * encrypted fields per request, 200 request threads) profiles showed threads queueing on it for
     * seconds in total.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private final KeyRing keys;
    private final String currentPrefix;

    public FieldCipher(KeyRing keys) {
        this.keys = keys;
        this.currentPrefix = PREFIX + keys.current().id() + ":";
    }

    public KeyRing keys() {
        return keys;
    }

    public String seal(String plain, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.get().nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(AES);
            cipher.init(Cipher.ENCRYPT_MODE, keys.current().secret("AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return currentPrefix + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** Whether {@code text} is in this form (with a key id) at all. */
    public static boolean hasKeyId(String text) {
        return text.startsWith(PREFIX);
    }

    /** Whether {@code sealed} is under the current key: the re-encryption job leaves such values alone. */
    public boolean isCurrent(String sealed) {
        return sealed.startsWith(currentPrefix);
    }

    /** @throws IllegalStateException when the key is not configured, or the value is damaged or moved */
    public String open(String sealed, byte[] associatedData) {
        int end = sealed.indexOf(':', PREFIX.length());
        if (!hasKeyId(sealed) || end < 0) {
            throw new IllegalStateException("Not a value with a key id");
        }
        String id = sealed.substring(PREFIX.length(), end);
        KeyRing.Key key = keys.byId(id).orElseThrow(() -> new IllegalStateException(
                "Value sealed under key " + id + ", which is not configured (" + keys.describe() + ")"));
        byte[] in = decode(sealed.substring(end + 1));
        try {
            return open(key, in, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption under key " + id + " failed (damaged or moved value)", e);
        }
    }

    /** A value from before key ids: nonce + ciphertext under one of the configured keys, unknown which. */
    public String openWithoutKeyId(byte[] nonceAndCiphertext, byte[] associatedData) {
        for (KeyRing.Key key : keys.all()) {
            try {
                return open(key, nonceAndCiphertext, associatedData);
            } catch (GeneralSecurityException wrongKey) {
                // GCM's tag did not verify: try the next key.
            }
        }
        throw new IllegalStateException("Decryption failed under every configured key (" + keys.describe() + ")");
    }

    private static String open(KeyRing.Key key, byte[] in, byte[] associatedData) throws GeneralSecurityException {
        if (in.length < NONCE_BYTES) {
            throw new javax.crypto.AEADBadTagException("too short");
        }
        Cipher cipher = Cipher.getInstance(AES);
        cipher.init(Cipher.DECRYPT_MODE, key.secret("AES"), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Damaged value (not base64)", e);
        }
    }
}
