package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;

/** A staff member holds at most 50 subscriptions (the default); deleting one makes room. */
class SubscriptionLimitIT extends NotificationScenario {

    @Test
    void theFiftyFirstSubscriptionIs409UntilOneIsDeleted() {
        String staff = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        String first = null;
        for (int i = 0; i < 50; i++) {
            ApiClient.Answer created = create(staff, i);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            first = first == null ? created.json().path("id").asString() : first;
        }

        ApiClient.Answer refused = create(staff, 50);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/subscription-limit");
        assertThat(create("other-" + staff, 0).status()).isEqualTo(201);
        assertThat(api().delete("/api/subscriptions/" + first).bearer(TestTokens.staff(staff)).send().status())
                .isEqualTo(204);
        assertThat(create(staff, 51).status()).isEqualTo(201);
    }

    private ApiClient.Answer create(String staff, int n) {
        Map<String, Object> body = Map.of("channel", "EMAIL", "target", "duty" + n + "@zhonglou.example",
                "minSeverity", "WARNING", "includeResolved", false);
        return api().post("/api/subscriptions", body).bearer(TestTokens.staff(staff)).send();
    }
}
