package org.zhonglou.registration.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhonglou.registration.privacy.NamesTest.filled;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.zhonglou.support.keys.KeyRing;

class PiiHasherTest {

    private static final LocalDate BORN = LocalDate.of(2018, 5, 1);

    private final PiiHasher old = new PiiHasher(filled(1));
    private final PiiHasher rotated = new PiiHasher(KeyRing.of(filled(2), filled(1)));

    @Test
    void afterARotationNewValuesUseTheNewKeyAndTheOldValuesAreStillAmongTheCandidates() {
        String before = old.childKey("王小明", BORN);

        assertThat(rotated.childKey("王小明", BORN)).isNotEqualTo(before);
        assertThat(rotated.childKeys("王 小明", BORN)).containsExactly(rotated.childKey("王小明", BORN), before);
        assertThat(rotated.enrollmentIds("g", "k")).containsExactly(rotated.enrollmentId("g", "k"),
                old.enrollmentId("g", "k"));
        assertThat(rotated.fingerprints("body")).containsExactly(rotated.fingerprint("body"), old.fingerprint("body"));
    }

    /** Values computed by the hasher before key rotation existed: stored ones keep matching. */
    @Test
    void withOneKeyThereIsOneCandidateAndTheValuesAreThoseStoredBeforeRotationExisted() {
        assertThat(old.childKeys("王小明", BORN)).containsExactly("5eaf1f9557637eece988837f6fd02e80");
        assertThat(old.enrollmentIds("g", "k")).containsExactly("enr-82691746868c67e30376f3d2");
        assertThat(old.fingerprint("body")).isEqualTo("6149d436d8a4a1453c114bd0a3ad499da3b4a5defb3751b64b65e3386565bf1e");
    }
}
