package org.zhonglou.registration.privacy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.zhonglou.support.keys.KeyRing;

/**
 * Keyed hashes (HMAC-SHA256) that let the service compare personal data without storing it in clear:
 * the same child is recognised across parents, yet a dump without the key cannot be tested against a
 * list of names and birth dates. New values are made under the current hash key; during a rotation the
 * plural methods also give the value under every older key, so a child or a request recorded before the
 * rotation is still recognised (until the re-encryption job has moved the stored child keys over).
 */
public final class PiiHasher {

    private final KeyRing keys;

    public PiiHasher(KeyRing keys) {
        this.keys = keys;
    }

    public PiiHasher(byte[] key) {
        this(KeyRing.of(key));
    }

    public KeyRing keys() {
        return keys;
    }

    /** The child's identity within the system: normalised full name and date of birth. */
    public String childKey(String fullName, LocalDate dateOfBirth) {
        return hex(keys.current(), childInput(fullName, dateOfBirth), 16);
    }

    /** {@link #childKey} under every configured key, the current one first. */
    public List<String> childKeys(String fullName, LocalDate dateOfBirth) {
        return underEveryKey(childInput(fullName, dateOfBirth), 16, "");
    }

    /** A deterministic enrollment id per guardian and idempotency key, so a retry finds its first attempt. */
    public String enrollmentId(String guardianId, String idempotencyKey) {
        return enrollmentIds(guardianId, idempotencyKey).get(0);
    }

    /** {@link #enrollmentId} under every configured key, the current one first. */
    public List<String> enrollmentIds(String guardianId, String idempotencyKey) {
        return underEveryKey("enrollment\n" + guardianId + "\n" + idempotencyKey, 12, "enr-");
    }

    /** Fingerprint of a request body, to tell an idempotent replay from a reused key. */
    public String fingerprint(String canonicalRequest) {
        return fingerprints(canonicalRequest).get(0);
    }

    /** {@link #fingerprint} under every configured key, the current one first. */
    public List<String> fingerprints(String canonicalRequest) {
        return underEveryKey("request\n" + canonicalRequest, 32, "");
    }

    private static String childInput(String fullName, LocalDate dateOfBirth) {
        return "child\n" + Names.normalise(fullName) + "\n" + dateOfBirth;
    }

    private List<String> underEveryKey(String input, int bytes, String prefix) {
        return keys.all().stream().map(key -> prefix + hex(key, input, bytes)).toList();
    }

    private static String hex(KeyRing.Key key, String input, int bytes) {
        return HexFormat.of().formatHex(KeyRing.hmac(key, input.getBytes(StandardCharsets.UTF_8)), 0, bytes);
    }
}
