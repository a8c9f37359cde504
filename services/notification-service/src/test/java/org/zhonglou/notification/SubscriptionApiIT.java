package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

class SubscriptionApiIT extends NotificationScenario {

    @Test
    void aWebhookSubscriptionShowsItsSecretOnceAndOnlyToItsOwner() {
        String station = Alerts.station();
        JsonNode created = subscribe("staff-a1", "WEBHOOK", "http://127.0.0.1:9/hook", station, "MAJOR", true,
                Map.of("start", "22:00", "end", "07:00", "timeZone", "Asia/Shanghai"));

        assertThat(created.path("signingSecret").asString()).hasSize(64);
        assertThat(created.path("quietHours").path("timeZone").asString()).isEqualTo("Asia/Shanghai");
        ApiClient.Answer own = api().get("/api/subscriptions").bearer(TestTokens.staff("staff-a1")).send();
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains(created.path("id").asString()).doesNotContain("signingSecret")
                .doesNotContain(created.path("signingSecret").asString());
        ApiClient.Answer others = api().get("/api/subscriptions").bearer(TestTokens.staff("staff-a2")).send();
        assertThat(others.body()).doesNotContain(created.path("id").asString());
    }

    @Test
    void deletingAnothersSubscriptionIs404AndOwnIs204() {
        String id = subscribeWebhook("staff-b1", "http://127.0.0.1:9/hook", Alerts.station()).path("id").asString();

        assertThat(api().delete("/api/subscriptions/" + id).bearer(TestTokens.staff("staff-b2")).send().status())
                .isEqualTo(404);
        assertThat(api().delete("/api/subscriptions/" + id).bearer(TestTokens.staff("staff-b1")).send().status())
                .isEqualTo(204);
        assertThat(api().get("/api/subscriptions").bearer(TestTokens.staff("staff-b1")).send().body())
                .doesNotContain(id);
    }

    @Test
    void anEmailSubscriptionHasNoSecret() {
        JsonNode created = subscribe("staff-c1", "EMAIL", "duty@zhonglou.example", Alerts.station(), "CRITICAL",
                false, null);

        assertThat(created.has("signingSecret")).isFalse();
        assertThat(created.path("channel").asString()).isEqualTo("EMAIL");
    }

    @Test
    void invalidTargetsAndQuietHoursAre400NamingTheField() {
        String staff = TestTokens.staff("staff-d1");
        List<Map<String, Object>> bodies = List.of(
                Map.of("channel", "WEBHOOK", "target", "not a url", "minSeverity", "MAJOR"),
                Map.of("channel", "WEBHOOK", "target", "ftp://example.org/x", "minSeverity", "MAJOR"),
                Map.of("channel", "EMAIL", "target", "no-at-sign", "minSeverity", "MAJOR"),
                Map.of("channel", "EMAIL", "target", "duty@zhonglou.example", "minSeverity", "MAJOR",
                        "quietHours", Map.of("start", "25:00", "end", "07:00", "timeZone", "Mars/Olympus")));
        List<String> fields = List.of("target", "target", "target", "quietHours.start");

        for (int i = 0; i < bodies.size(); i++) {
            ApiClient.Answer answer = api().post("/api/subscriptions", bodies.get(i)).bearer(staff).send();
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"" + fields.get(i) + "\"");
        }
        assertThat(api().get("/api/subscriptions").bearer(staff).send().json().size()).isZero();
    }

    @Test
    void missingSeverityAndUnknownChannelAre400() {
        String staff = TestTokens.staff("staff-e1");

        ApiClient.Answer noSeverity = api().post("/api/subscriptions",
                Map.of("channel", "EMAIL", "target", "duty@zhonglou.example")).bearer(staff).send();
        ApiClient.Answer sms = api().post("/api/subscriptions",
                Map.of("channel", "SMS", "target", "x", "minSeverity", "MAJOR")).bearer(staff).send();

        assertThat(noSeverity.status()).isEqualTo(400);
        assertThat(noSeverity.body()).contains("minSeverity");
        assertThat(sms.status()).isEqualTo(400);
        assertThat(sms.body()).contains("channel");
    }

    @Test
    void parentsCannotSubscribeOrStream() {
        String parent = TestTokens.parent("parent-x");

        assertThat(api().post("/api/subscriptions", Map.of("channel", "EMAIL", "target", "p@zhonglou.example",
                "minSeverity", "MAJOR")).bearer(parent).send().status()).isEqualTo(403);
        assertThat(api().get("/api/alerts/stream").bearer(parent).send().status()).isEqualTo(403);
        assertThat(api().get("/api/deliveries").bearer(parent).send().status()).isEqualTo(403);
    }
}
