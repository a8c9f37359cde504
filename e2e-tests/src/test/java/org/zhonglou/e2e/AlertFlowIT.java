package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zhonglou.httpclient.Json;
import org.zhonglou.loadtools.client.StationApi;
import org.zhonglou.loadtools.client.WebhookReceiver;
import org.zhonglou.loadtools.simulate.Simulation;
import tools.jackson.databind.JsonNode;

/**
 * A simulated station's deodoriser fails for a while in the middle of its compressed day: the alert
 * must reach a subscribed webhook (signed with the subscription's secret) and the staff SSE stream,
 * and be resolved again once negative pressure is back.
 */
class AlertFlowIT {

    private static final String RULE = "deodorisation-negative-pressure-lost";

    private final E2eStack stack = E2eStack.get();
    private final StationApi stations = stack.stations();

    @Test
    void simulatedDeodoriserFailureRaisesAndResolvesAnAlertOnWebhookAndStream() throws Exception {
        String stationId = stations.ensureStation(E2eStack.unique("e2e-alerts"), "E2E alert station", 200);
        stations.replaceRules(stationId, Json.MAPPER.createArrayNode().add(StationApi.negativePressureRule("CRITICAL")));
        List<String> streamLines = new CopyOnWriteArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.useSecret(stations.subscribeWebhook(receiver.url(), List.of(stationId), "WARNING"));
            CompletableFuture<HttpResponse<Stream<String>>> stream = openStream(streamLines);

            // 20 s of a day: the deodoriser is down between 45 % and 55 % of it, i.e. from 9 s to 11 s.
            Simulation simulation = Simulation.start(stations, stationId, 3, 40, Duration.ofSeconds(20),
                    Files.createTempDirectory("e2e-sim"));
            String summary = simulation.awaitEnd();
            assertThat(simulation.accepted()).as(summary).isEqualTo(simulation.sent());

            await("raised and resolved on the webhook").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(types(receiver, stationId)).contains("AlertRaised", "AlertResolved"));
            WebhookReceiver.Call raised = receiver.calls().stream()
                    .filter(call -> call.type().equals("AlertRaised")).findFirst().orElseThrow();
            String alertId = raised.data().path("alertId").asString();
            assertThat(raised.data().path("rule").asString()).isEqualTo(RULE);
            assertThat(raised.data().path("severity").asString()).isEqualTo("CRITICAL");
            assertThat(raised.eventId()).isNotBlank();
            assertThat(receiver.calls()).allMatch(WebhookReceiver.Call::signatureValid, "signed with the secret");
            assertThat(receiver.calls().stream().map(WebhookReceiver.Call::eventId)).doesNotHaveDuplicates();

            await("the alert on the SSE stream").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(String.join("\n", streamLines)).contains(alertId));
            JsonNode alerts = stations.alerts(stationId);
            assertThat(alerts.toString()).contains(alertId).contains("RESOLVED");
            stream.cancel(true);
        }
    }

    private static List<String> types(WebhookReceiver receiver, String stationId) {
        return receiver.calls().stream()
                .filter(call -> stationId.equals(call.data().path("stationId").asString("")))
                .map(WebhookReceiver.Call::type).toList();
    }

    /** Subscribes to the staff stream and waits until the service has answered with its headers. */
    private CompletableFuture<HttpResponse<Stream<String>>> openStream(List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.endpoints.notification() + "/api/alerts/stream"))
                .header("Authorization", "Bearer " + stack.token("e2e-staff", "STAFF"))
                .header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> answer = response.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(answer.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> answer.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return response;
    }
}
