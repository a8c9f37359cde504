package org.zhonglou.registration.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProgrammeAgeTest {

    static final Programme SUMMER = new Programme("prg-1", "泰盈社区爱心暑托班", "泰盈社区", "活动中心",
            LocalDate.of(2024, 7, 8), LocalDate.of(2024, 8, 16), "08:00", 6, 12, 30, 50,
            Instant.parse("2024-07-01T00:00:00Z"), Instant.parse("2024-07-05T00:00:00Z"), Instant.EPOCH, 3);

    @Test
    void ageCountsWholeYearsOnTheStartDate() {
        assertThat(Programme.ageOn(LocalDate.of(2018, 7, 8), SUMMER.startDate())).isEqualTo(6);
        assertThat(Programme.ageOn(LocalDate.of(2018, 7, 9), SUMMER.startDate())).isEqualTo(5);
    }

    @Test
    void bothEndsOfTheRangeAreIncluded() {
        assertThat(SUMMER.acceptsAge(LocalDate.of(2018, 7, 8))).as("6 on the first day").isTrue();
        assertThat(SUMMER.acceptsAge(LocalDate.of(2018, 7, 9))).as("6 one day late").isFalse();
        assertThat(SUMMER.acceptsAge(LocalDate.of(2011, 7, 9))).as("12 until the day before 13").isTrue();
        assertThat(SUMMER.acceptsAge(LocalDate.of(2011, 7, 8))).as("13 on the first day").isFalse();
    }

    @Test
    void aChildBornAfterTheStartIsRefused() {
        assertThat(SUMMER.acceptsAge(LocalDate.of(2025, 1, 1))).isFalse();
    }

    @Test
    void signupWindowIncludesItsOpeningAndExcludesItsClosing() {
        assertThat(SUMMER.signupOpenAt(SUMMER.signupOpensAt())).isTrue();
        assertThat(SUMMER.signupOpenAt(SUMMER.signupOpensAt().minusMillis(1))).isFalse();
        assertThat(SUMMER.signupOpenAt(SUMMER.signupClosesAt().minusMillis(1))).isTrue();
        assertThat(SUMMER.signupOpenAt(SUMMER.signupClosesAt())).isFalse();
    }
}
