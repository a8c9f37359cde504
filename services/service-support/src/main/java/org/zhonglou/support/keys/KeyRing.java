package org.zhonglou.support.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.zhonglou.support.StartRefused;

/**
 * The keys of one purpose (field encryption, keyed hashes, webhook secrets at rest): the current key,
 * which writes, and older keys that are still read while a rotation moves the data over. Every key is
 * the base64 of 32 random bytes. Its id is derived from the key itself (the first four bytes of
 * HMAC-SHA256(key, "zhonglou key id") as hex), so rotating needs no names to keep apart: move the
 * current key into the {@code ..._OLD_KEYS} variable and set a new one. The id reveals nothing usable
 * about the key, and two configured keys with the same id are refused.
 */
public final class KeyRing {

    private static final byte[] ID_LABEL = "zhonglou key id".getBytes(StandardCharsets.UTF_8);

    /** One key and its id. */
    public static final class Key {

        private final String id;
        private final byte[] bytes;

        private Key(byte[] bytes) {
            this.bytes = bytes.clone();
            this.id = HexFormat.of().formatHex(hmac(this, ID_LABEL), 0, 4);
        }

        public String id() {
            return id;
        }

        public SecretKey secret(String algorithm) {
            return new SecretKeySpec(bytes, algorithm);
        }
    }

    private final Key current;
    private final Map<String, Key> byId;

    private KeyRing(Key current, List<Key> older, String olderVariable) {
        this.current = current;
        this.byId = new LinkedHashMap<>();
        byId.put(current.id, current);
        for (Key key : older) {
            Key known = byId.putIfAbsent(key.id, key);
            if (known != null && !Arrays.equals(known.bytes, key.bytes)) {
                throw new StartRefused(olderVariable + " holds two different keys with the same id " + key.id + ".",
                        "Generate a new key (openssl rand -base64 32) for one of them.");
            }
        }
    }

    /**
     * From configuration: {@code current} as its variable holds it, {@code older} a list separated by
     * commas or white space (empty for none). A key listed twice, or the current key among the older
     * ones, counts once.
     */
    public static KeyRing of(String currentVariable, String current, String olderVariable, String older) {
        Key currentKey = new Key(decode(currentVariable, current));
        List<Key> olderKeys = new ArrayList<>();
        if (older != null) {
            for (String entry : older.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    olderKeys.add(new Key(decode(olderVariable, entry)));
                }
            }
        }
        return new KeyRing(currentKey, olderKeys, olderVariable);
    }

    /** For tests and tools: raw keys, the first current. */
    public static KeyRing of(byte[] current, byte[]... older) {
        return new KeyRing(new Key(check("key", current)),
                Arrays.stream(older).map(key -> new Key(check("older key", key))).toList(), "older keys");
    }

    public Key current() {
        return current;
    }

    /** Every key, the current one first. */
    public List<Key> all() {
        return List.copyOf(byId.values());
    }

    public boolean hasOlderKeys() {
        return byId.size() > 1;
    }

    public Optional<Key> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** For logs and reports: ids only. */
    public String describe() {
        String older = byId.keySet().stream().skip(1).collect(Collectors.joining(", "));
        return "current key " + current.id + (older.isEmpty() ? "" : ", older keys " + older);
    }

    /** HMAC-SHA256 of {@code input} under {@code key}. */
    public static byte[] hmac(Key key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.secret("HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] decode(String variable, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new StartRefused(variable + " is not set.", "Set it to a new key: openssl rand -base64 32");
        }
        try {
            return check(variable, Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new StartRefused(variable + " is not valid base64.", "Set it to a new key: openssl rand -base64 32");
        }
    }

    private static byte[] check(String variable, byte[] key) {
        if (key.length != 32) {
            throw new StartRefused(variable + " must be 32 bytes, got " + key.length + ".",
                    "Set it to a new key: openssl rand -base64 32");
        }
        return key;
    }
}
