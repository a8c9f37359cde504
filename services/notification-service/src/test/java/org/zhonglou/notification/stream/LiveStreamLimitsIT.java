package org.zhonglou.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.notification.NotificationStackTest;
import org.zhonglou.notification.alert.AlertNotice;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;

/**
 * The live stream's limits, with small caps: a stalled client never delays another's events and is
 * dropped once its buffer is full; streams are capped per staff member and per instance; a stream ends
 * when its token expires.
 */
@NotificationStackTest
@TestPropertySource(properties = {"notification.stream.max-per-user=2", "notification.stream.max-total=3",
        "notification.stream.client-buffer=8"})
class LiveStreamLimitsIT {

    /** Big enough that a client that never reads fills the socket buffers within a few hundred events. */
    private static final String PADDING = "x".repeat(64 * 1024);

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private AlertStreamHub hub;

    private final List<RawStream> opened = new ArrayList<>();

    private final ExecutorService publisher = Executors.newSingleThreadExecutor();

    @BeforeEach
    void noStreamsLeftByAnotherTest() {
        await().atMost(Duration.ofSeconds(15)).until(() -> hub.openStreams() == 0);
    }

    @AfterEach
    void closeStreams() throws Exception {
        publisher.shutdownNow();
        for (RawStream stream : opened) {
            stream.close();
        }
    }

    @Test
    void aStalledClientNeverDelaysAnotherAndIsDroppedWhenItFallsBehind() throws Exception {
        open(TestTokens.staff(unique("stalled")), false);
        RawStream reader = open(TestTokens.staff(unique("reader")), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams() == 2);

        // Each event must reach the reader before the next is published: with a broadcast that writes to
        // the stalled socket itself, publishing blocks once that socket's buffers are full.
        for (int i = 0; i < 300 && hub.openStreams() == 2; i++) {
            AlertNotice notice = bigNotice();
            publisher.submit(() -> hub.publish(notice)).get(5, TimeUnit.SECONDS);
            await("event " + i + " at the reading client").atMost(Duration.ofSeconds(5))
                    .until(() -> reader.hasLine("id:" + notice.id()));
        }

        await("the stalled client dropped").atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams() == 1);
        AlertNotice after = bigNotice();
        hub.publish(after);
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.hasLine("id:" + after.id()));
    }

    @Test
    void streamsBeyondThePerUserOrTotalCapAre429() {
        String staff = unique("staff");
        open(TestTokens.staff(staff), true);
        open(TestTokens.staff(staff), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams() == 2);

        assertTooMany(TestTokens.staff(staff));
        open(TestTokens.staff(unique("other")), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams() == 3);
        assertTooMany(TestTokens.staff(unique("third")));
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() {
        RawStream stream = open(TestTokens.token(unique("staff"), "STAFF", Duration.ofSeconds(3)), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams() == 1);

        await("the stream ended").atMost(Duration.ofSeconds(20)).until(stream::ended);
        assertThat(stream.lines().get(0)).contains("200");
        assertThat(hub.openStreams()).isZero();
    }

    private void assertTooMany(String token) {
        ApiClient.Answer answer = ApiClient.localhost(port).get("/api/alerts/stream").bearer(token)
                .header("Accept", "text/event-stream").send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
    }

    private RawStream open(String token, boolean reading) {
        RawStream stream = RawStream.open(port, token, reading);
        opened.add(stream);
        return stream;
    }

    private static AlertNotice bigNotice() {
        String id = UUID.randomUUID().toString();
        AlertEvent alert = new AlertEvent("alr-" + id, "station-big", "dev-1", "rule", "h2s_ppm", 40.0,
                Severity.CRITICAL, AlertState.ACTIVE, Instant.now());
        byte[] data = ("{\"alertId\":\"alr-" + id + "\",\"padding\":\"" + PADDING + "\"}").getBytes();
        return AlertNotice.of(id, EventTypes.ALERT_RAISED, "/test", "station-big", Instant.now(), alert, data);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
