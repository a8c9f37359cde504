package org.zhonglou.registration.privacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How two spellings of the same child's name are recognised as one. */
public final class Names {

    /**
     * Invisible characters: format (Cf: zero-width space U+200B, word joiner U+2060, BOM U+FEFF, bidi
     * controls) and control (Cc). Left in, "Li\u200BMing" would be another child than "Li Ming" and one
     * parent could take every seat with names that only differ invisibly.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}&&[^\\s]]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private Names() {
    }

    /**
     * The name as it is kept and shown: invisible characters removed (before NFKC too, so that they
     * cannot keep a letter and its accent apart), NFKC folding full-width letters, digits and spaces to
     * their ordinary forms ("Ｌｉ　Ｍｉｎｇ" becomes "Li Ming"), runs of whitespace made one space.
     */
    public static String clean(String fullName) {
        String visible = INVISIBLE.matcher(fullName).replaceAll("");
        String folded = Normalizer.normalize(visible, Normalizer.Form.NFKC);
        return SPACES.matcher(INVISIBLE.matcher(folded).replaceAll("")).replaceAll(" ").strip();
    }

    /**
     * The name compared for duplicates: {@link #clean}, then all whitespace goes (Chinese names are
     * often typed with a space between family and given name, or not) and Latin letters compared
     * without case.
     */
    public static String normalise(String fullName) {
        return SPACES.matcher(clean(fullName)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
