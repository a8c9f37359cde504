package org.zhonglou.registration.seats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who asks for a seat: the enrollment, its child's keyed hash and its guardian (for the event). During a
 * hash-key rotation the same child may be in the ledger under another key: {@code childAliases} are
 * those keys, checked as duplicates and removed on cancellation along with {@code childKey}.
 */
public record SeatClaim(String enrollmentId, String childKey, String guardianId, List<String> childAliases) {

    public SeatClaim {
        Set<String> aliases = new LinkedHashSet<>(childAliases);
        aliases.remove(childKey);
        childAliases = List.copyOf(aliases);
    }

    public SeatClaim(String enrollmentId, String childKey, String guardianId) {
        this(enrollmentId, childKey, guardianId, List.of());
    }

    /** The guardian's entry in the ledger's per-guardian count ({@code guardians.<key>}). */
    public String guardianKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(guardianId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The key the ledger records first, then the aliases. */
    public List<String> allChildKeys() {
        List<String> all = new ArrayList<>(childAliases.size() + 1);
        all.add(childKey);
        all.addAll(childAliases);
        return all;
    }
}
