package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;

/** Query parameters of the delivery log out of range or of the wrong type: 400 naming the parameter. */
class DeliveryQueryIT extends NotificationScenario {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status=BOGUS                | status",
        "limit=99999999999999999999  | limit",
        "limit=abc                   | limit",
        "limit=0                     | limit",
        "limit=501                   | limit"})
    void badParametersAre400NamingTheParameter(String query, String field) {
        ApiClient.Answer answer = api().get("/api/deliveries?" + query).bearer(TestTokens.staff("staff-q")).send();

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsString("field")).containsExactly(field);
    }
}
