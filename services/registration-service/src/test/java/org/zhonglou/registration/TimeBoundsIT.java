package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhonglou.registration.Samples.*;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TestTokens;

/**
 * Instants and dates outside 2000-01-01..2099-12-31 (and programmes longer than a year) are refused with
 * a 400 naming the field, never a 500 and never stored.
 */
@LocalStackTest
class TimeBoundsIT extends StackScenarios {

    @Test
    void programmeDatesAndTheSignUpWindowAreBounded() {
        assertRefused("startDate", "+999999999-12-31");
        assertRefused("endDate", "-999999999-01-01");
        assertRefused("startDate", "1999-12-31");
        assertRefused("signupOpensAt", "-999999999-01-01T00:00:00Z");
        assertRefused("signupClosesAt", "+999999999-12-31T23:59:59Z");
        assertRefused("endDate", START.plusDays(367).toString());
        Map<String, Object> lastDayOfTheCentury = programme(5, 5);
        lastDayOfTheCentury.put("startDate", "2099-12-01");
        lastDayOfTheCentury.put("endDate", "2099-12-31");
        createProgramme(api(), lastDayOfTheCentury);
    }

    @Test
    void aChildBornBefore2000OrInTheFarFutureIsRefusedNamingTheField() {
        String programme = createProgramme(api(), programme(5, 5));
        for (String born : new String[] {"-999999999-01-01", "1899-06-01", "+999999999-12-31"}) {
            Map<String, Object> body = new HashMap<>(enrollment("小明", 1));
            body.put("child", Map.of("fullName", "小明", "dateOfBirth", born));

            ApiClient.Answer answer = enrol(api(), programme, unique("p"), unique("k"), body);

            assertThat(answer.status()).as(born).isEqualTo(400);
            assertThat(answer.json().path("errors").findValuesAsString("field")).as(born)
                    .containsOnly("child.dateOfBirth");
        }
    }

    private void assertRefused(String field, String value) {
        Map<String, Object> body = programme(5, 5);
        body.put(field, value);

        ApiClient.Answer answer = api().post("/api/programmes", body).bearer(TestTokens.staff("staff-1")).send();

        assertThat(answer.status()).as(field + "=" + value + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsString("field")).as(field + "=" + value).contains(field);
    }
}
