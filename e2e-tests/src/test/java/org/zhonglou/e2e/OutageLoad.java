package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.zhonglou.httpclient.Json;
import org.zhonglou.httpclient.Reply;
import org.zhonglou.loadtools.client.RegistrationApi;
import org.zhonglou.loadtools.client.StationApi;
import org.zhonglou.loadtools.client.WebhookReceiver;
import org.zhonglou.testsupport.DeadLetterTopic;
import tools.jackson.databind.node.ArrayNode;

/**
 * Reading, alert and notification load that keeps going through an outage: a sensor posting batches
 * (every tenth with an H2S reading of 40 ppm followed by 2 ppm, which raises and resolves one alert)
 * and parents signing up, each retrying until acknowledged, with a webhook subscribed to the station.
 * Afterwards everything acknowledged must be there exactly once: readings stored and evaluated, sign-ups
 * kept, webhooks and parent e-mails delivered, and nothing dead-lettered.
 */
final class OutageLoad implements AutoCloseable {

    private static final int FILL_PER_BATCH = 25;
    private static final String ALERT_RULE = "h2s-dangerous";
    private static final Duration PACE = Duration.ofMillis(200);
    private static final Duration ACK_DEADLINE = Duration.ofMinutes(6);

    private final E2eStack stack;
    private final StationApi stations;
    private final RegistrationApi registration;
    private final String tag = E2eStack.unique("outage");
    private final String stationId;
    private final String programmeId;
    private final RetryingDevice device;
    private final WebhookReceiver webhooks;
    private final AtomicInteger fillAcked = new AtomicInteger();
    private final AtomicInteger alertBatches = new AtomicInteger();
    private final List<String> enrollments = new CopyOnWriteArrayList<>();
    private final List<String> emails = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private CompletableFuture<Void> traffic;

    OutageLoad(E2eStack stack) throws Exception {
        this.stack = stack;
        this.stations = stack.stations();
        this.registration = stack.registration();
        this.stationId = stations.ensureStation(tag, "E2E outage station", 200);
        this.device = new RetryingDevice(stations, stationId, stations.registerDevice(stationId, "sensor-1"));
        this.programmeId = registration.createProgramme("E2E outage class " + tag, 10_000, 0);
        this.webhooks = new WebhookReceiver();
        webhooks.useSecret(stations.subscribeWebhook(webhooks.url(), List.of(stationId), "WARNING"));
    }

    void start() {
        traffic = CompletableFuture.allOf(CompletableFuture.runAsync(this::readings),
                CompletableFuture.runAsync(this::signUps));
    }

    /** Readings acknowledged so far; a test waits for it to grow to know the stack is serving again. */
    int fillAcknowledged() {
        return fillAcked.get();
    }

    /** Stops sending once the items under way are acknowledged. */
    void stop() {
        stopped = true;
        traffic.join();
    }

    void assertEverythingAcknowledgedArrivedOnce() {
        Instant from = Instant.now().minus(Duration.ofHours(1));
        int readings = fillAcked.get();
        int alerts = alertBatches.get();
        assertThat(readings).isPositive();
        assertThat(alerts).isPositive();
        assertThat(enrollments).isNotEmpty();
        await("every acknowledged reading stored").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .until(() -> stations.storedCount(stationId, "fill_level_pct", from, Instant.now()) >= readings);
        await("every alert batch evaluated: one alert raised and resolved each").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> webhookCalls("AlertRaised") >= alerts && webhookCalls("AlertResolved") >= alerts);
        await("every parent e-mail sent").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Map<String, Long> mails = mailsByAddress();
                    return emails.stream().allMatch(email -> mails.getOrDefault(email, 0L) >= 1);
                });
        await("and nothing twice").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(stations.storedCount(stationId, "fill_level_pct", from, Instant.now())).isEqualTo(readings);
                    assertThat(stations.storedCount(stationId, "h2s_ppm", from, Instant.now())).isEqualTo(2L * alerts);
                    assertThat(webhookCalls("AlertRaised")).isEqualTo(alerts);
                    assertThat(webhookCalls("AlertResolved")).isEqualTo(alerts);
                    assertThat(webhooks.calls().stream().map(WebhookReceiver.Call::eventId)).doesNotHaveDuplicates();
                    Map<String, Long> mails = mailsByAddress();
                    assertThat(emails).allMatch(email -> mails.getOrDefault(email, 0L) == 1,
                            "one e-mail per acknowledged sign-up");
                });
        assertThat(stations.alerts(stationId).findValuesAsString("rule").stream().filter(ALERT_RULE::equals))
                .hasSize(alerts);
        for (String enrollment : enrollments) {
            assertThat(stack.http.get(stack.endpoints.registration() + "/api/enrollments/" + enrollment,
                    Map.of("Authorization", "Bearer " + stack.token("e2e-staff", "STAFF"))).status())
                    .as("acknowledged sign-up %s kept", enrollment).isEqualTo(200);
        }
        for (String topic : List.of(
                DeadLetterTopic.name("station.readings.v1", "station-monitoring-service"),
                DeadLetterTopic.name("station.readings.v1", "station-monitoring-service-alerts"),
                DeadLetterTopic.name("station.alerts.v1", "notification-service"),
                DeadLetterTopic.name("registration.enrollments.v1", "notification-service"))) {
            assertThat(DeadLetterTopic.read(stack.kafkaClient(), topic))
                    .as("dead letters of %s", topic)
                    .noneMatch(letter -> stationId.equals(letter.key()) || programmeId.equals(letter.key()));
        }
    }

    @Override
    public void close() {
        stopped = true;
        webhooks.close();
    }

    private void readings() {
        for (int b = 0; !stopped; b++) {
            boolean alert = b % 10 == 9;
            device.send(batch(b, alert), Instant.now().plus(ACK_DEADLINE));
            fillAcked.addAndGet(FILL_PER_BATCH);
            if (alert) {
                alertBatches.incrementAndGet();
            }
            RetryingDevice.pause(PACE);
        }
    }

    private ArrayNode batch(int b, boolean alert) {
        ArrayNode batch = Json.MAPPER.createArrayNode();
        Instant now = Instant.now();
        for (int i = 0; i < FILL_PER_BATCH; i++) {
            batch.add(StationApi.reading(tag + "-" + b + "-" + i, "fill_level_pct", i, now.minusMillis(100 - i)));
        }
        if (alert) {
            batch.add(StationApi.reading(tag + "-" + b + "-hi", "h2s_ppm", 40, now.minusMillis(50)));
            batch.add(StationApi.reading(tag + "-" + b + "-lo", "h2s_ppm", 2, now.minusMillis(49)));
        }
        return batch;
    }

    private void signUps() {
        for (int i = 0; !stopped; i++) {
            String email = tag + "-" + i + "@e2e.example";
            var body = RegistrationApi.enrollment("Outage child " + tag + " " + i, "Guardian " + tag + " " + i, email, i);
            String parent = stack.token(tag + "-parent-" + i, "PARENT");
            Instant deadline = Instant.now().plus(ACK_DEADLINE);
            Reply reply;
            while (!(reply = registration.enrol(programmeId, parent, tag + "-key-" + i, body).join()).is2xx()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("sign-up " + i + " never acknowledged: " + reply.status() + " " + reply.body());
                }
                RetryingDevice.pause(Duration.ofMillis(500));
            }
            enrollments.add(reply.json().path("id").asString());
            emails.add(email);
            RetryingDevice.pause(Duration.ofMillis(300));
        }
    }

    private long webhookCalls(String type) {
        return webhooks.calls().stream().filter(call -> call.type().equals(type)
                && ALERT_RULE.equals(call.data().path("rule").asString(""))).count();
    }

    /** One look at the mail sink: how many messages each of this load's addresses received. */
    private Map<String, Long> mailsByAddress() {
        return stack.mails().stream().filter(mail -> mail.to().contains(tag))
                .collect(Collectors.groupingBy(E2eStack.Mail::to, Collectors.counting()));
    }
}
