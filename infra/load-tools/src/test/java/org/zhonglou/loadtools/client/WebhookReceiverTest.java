package org.zhonglou.loadtools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhonglou.httpclient.Http;

class WebhookReceiverTest {

    private static final String EVENT = "{\"id\":\"evt-1\",\"type\":\"AlertRaised\",\"data\":{\"stationId\":\"s-1\"}}";

    @Test
    void acceptsOnlyTheSignatureMadeWithTheSubscriptionsSecret() throws Exception {
        Http http = new Http(Duration.ofSeconds(5));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.useSecret("s3cret");
            String good = WebhookReceiver.sign(EVENT.getBytes(StandardCharsets.UTF_8), "s3cret");
            String bad = WebhookReceiver.sign(EVENT.getBytes(StandardCharsets.UTF_8), "other");

            assertThat(http.post(receiver.url(), Map.of("X-Signature", good, "X-Event-Id", "evt-1"), EVENT).status())
                    .isEqualTo(204);
            http.post(receiver.url(), Map.of("X-Signature", bad), EVENT);

            assertThat(receiver.calls()).extracting(WebhookReceiver.Call::signatureValid).containsExactly(true, false);
            assertThat(receiver.calls().get(0).type()).isEqualTo("AlertRaised");
            assertThat(receiver.calls().get(0).eventId()).isEqualTo("evt-1");
            assertThat(receiver.calls().get(0).data().path("stationId").asString()).isEqualTo("s-1");
        }
    }

    @Test
    void signatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2.
        assertThat(WebhookReceiver.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
