package org.zhonglou.registration.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void trimsRemovesInnerSpacesAndFoldsFullWidth() {
        assertThat(Names.normalise("  王 小明 ")).isEqualTo("王小明");
        assertThat(Names.normalise("王\u3000小明")).isEqualTo("王小明");
        assertThat(Names.normalise("Ｌｉ　Ｍｉｎｇ")).isEqualTo("liming");
        assertThat(Names.normalise("Li Ming")).isEqualTo(Names.normalise("LI  MING"));
    }

    @Test
    void invisibleFormatAndControlCharactersAreNotPartOfAName() {
        String plain = Names.normalise("Li Ming");
        for (String invisible : new String[] {"\u200B", "\u2060", "\uFEFF", "\u200D", "\u202E", "\u2066", "\u0000",
                "\u0007", "\u00AD"}) {
            assertThat(Names.normalise("Li" + invisible + " Ming")).as("U+%04X", (int) invisible.charAt(0))
                    .isEqualTo(plain);
            assertThat(Names.normalise("Li" + invisible + "Ming")).isEqualTo(plain);
        }
        assertThat(Names.normalise("王\u200B小\uFEFF明")).isEqualTo(Names.normalise("王小明"));
    }

    @Test
    void theKeptNameIsFoldedWithOneSpaceBetweenWords() {
        assertThat(Names.clean("  Ｌｉ\u200B \t Ｍｉｎｇ\u2060 ")).isEqualTo("Li Ming");
        assertThat(Names.clean("e\u200B\u0301")).isEqualTo("\u00E9");
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(Names.normalise("王小明")).isNotEqualTo(Names.normalise("王小鸣"));
    }

    @Test
    void childKeyIsTheSameForSpellingsOfOneChildAndDiffersByBirthDate() {
        PiiHasher hasher = new PiiHasher(new byte[32]);
        LocalDate born = LocalDate.of(2016, 5, 1);

        assertThat(hasher.childKey("王 小明", born)).isEqualTo(hasher.childKey("王小明　", born));
        assertThat(hasher.childKey("王小明", born)).isNotEqualTo(hasher.childKey("王小明", born.plusDays(1)));
        assertThat(new PiiHasher(new byte[32]).childKey("王小明", born))
                .isNotEqualTo(new PiiHasher(filled(7)).childKey("王小明", born));
    }

    static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }
}
