package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.testsupport.TestTokens;

class AlertStreamIT extends NotificationScenario {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStaffStreamReceivesAlertsWithHeartbeatsAndAReconnectReplaysWhatWasMissed() {
        String station = Alerts.station();
        CloudEvent<AlertEvent> first = Alerts.raised(station, "alr-stream-1", Severity.WARNING);
        CloudEvent<AlertEvent> missed1 = Alerts.raised(station, "alr-stream-2", Severity.WARNING);
        CloudEvent<AlertEvent> missed2 = Alerts.raised(station, "alr-stream-3", Severity.WARNING);

        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = open(null, lines);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.startsWith(":")));
        publishAlert(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("id:" + first.id()));
        stream.cancel(true);
        assertThat(lines).contains("event:AlertRaised");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("data:{").contains("\"specversion\":\"1.0\"")
                .contains(first.id()).contains("alr-stream-1"));

        // A second client shows when the alerts the first one misses have reached this instance.
        List<String> watcher = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> live = open(null, watcher);
        await().atMost(Duration.ofSeconds(5)).until(() -> watcher.stream().anyMatch(l -> l.startsWith(":")));
        publishAlert(missed1);
        publishAlert(missed2);
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.contains("id:" + missed2.id()));
        live.cancel(true);

        List<String> replay = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> reconnect = open(first.id(), replay);
        await().atMost(Duration.ofSeconds(10)).until(() -> replay.contains("id:" + missed2.id()));
        reconnect.cancel(true);
        assertThat(replay).doesNotContain("id:" + first.id());
        assertThat(replay.indexOf("id:" + missed1.id())).isLessThan(replay.indexOf("id:" + missed2.id()));
    }

    @Test
    void theStreamNeedsAToken() {
        assertThat(api().get("/api/alerts/stream").send().status()).isEqualTo(401);
    }

    private CompletableFuture<HttpResponse<Stream<String>>> open(String lastEventId, List<String> lines) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/stream"))
                .header("Authorization", "Bearer " + TestTokens.staff("staff-s1"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<Stream<String>>> response =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(lines::add));
        return response;
    }
}
