package org.zhonglou.registration.privacy;

import java.util.Base64;
import java.util.Set;

/** Decodes and checks the configured keys; the production profile refuses the dev-only ones. */
final class PiiKeys {

    /** The dev-only defaults of application.yml, public in the repository. */
    private static final Set<String> DEV_ONLY = Set.of(
            "ZGV2LW9ubHktcGlpLWVuY3J5cHRpb24ta2V5LTMyYiE=",
            "ZGV2LW9ubHktcGlpLWhtYWMta2V5LW5vdC1wcm9kISE=");

    private PiiKeys() {
    }

    static byte[] decode(String name, String base64, boolean production) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        if (production && DEV_ONLY.contains(base64.strip())) {
            throw new IllegalStateException(name + " is the dev-only key; set a real one for production");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes, got " + key.length);
        }
        return key;
    }
}
