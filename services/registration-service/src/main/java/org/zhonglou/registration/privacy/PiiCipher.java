package org.zhonglou.registration.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.zhonglou.support.keys.FieldCipher;
import org.zhonglou.support.keys.KeyRing;

/**
 * Field-level AES-256-GCM, so a dump of the database alone does not reveal children's or guardians'
 * data. Each value carries the id of its key ({@link FieldCipher}), so the key can rotate; the owning
 * document's id is bound as associated data, so a ciphertext copied into another document does not
 * decrypt. Values written before key ids ({@code v1:}) stay readable under any configured key.
 */
public final class PiiCipher {

    private static final String WITHOUT_KEY_ID = "v1:";

    private final FieldCipher cipher;

    public PiiCipher(KeyRing keys) {
        this.cipher = new FieldCipher(keys);
    }

    public PiiCipher(byte[] key) {
        this(KeyRing.of(key));
    }

    public KeyRing keys() {
        return cipher.keys();
    }

    public String encrypt(String plain, String documentId) {
        return plain == null ? null : cipher.seal(plain, associatedData(documentId));
    }

    public String decrypt(String sealed, String documentId) {
        if (sealed == null) {
            return null;
        }
        try {
            if (FieldCipher.hasKeyId(sealed)) {
                return cipher.open(sealed, associatedData(documentId));
            }
            if (sealed.startsWith(WITHOUT_KEY_ID)) {
                byte[] in = Base64.getDecoder().decode(sealed.substring(WITHOUT_KEY_ID.length()));
                return cipher.openWithoutKeyId(in, associatedData(documentId));
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed for document " + documentId + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("Unknown ciphertext format in document " + documentId);
    }

    /** Whether the re-encryption job can leave this value alone (absent, or under the current key). */
    public boolean isCurrent(String sealed) {
        return sealed == null || cipher.isCurrent(sealed);
    }

    private static byte[] associatedData(String documentId) {
        return documentId.getBytes(StandardCharsets.UTF_8);
    }
}
