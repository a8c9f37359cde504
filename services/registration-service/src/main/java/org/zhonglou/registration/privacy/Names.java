package org.zhonglou.registration.privacy;

import java.text.Normalizer;
import java.util.Locale;

/** How two spellings of the same child's name are recognised as one. */
public final class Names {

    private Names() {
    }

    /**
     * NFKC folds full-width letters, digits and spaces to their ordinary forms ("Ｌｉ　Ｍｉｎｇ" becomes
     * "Li Ming"); then all whitespace goes (Chinese names are often typed with a space between family and
     * given name, or not) and Latin letters are compared without case.
     */
    public static String normalise(String fullName) {
        String folded = Normalizer.normalize(fullName, Normalizer.Form.NFKC);
        return folded.replaceAll("[\\s\\p{Z}]+", "").toLowerCase(Locale.ROOT);
    }
}
