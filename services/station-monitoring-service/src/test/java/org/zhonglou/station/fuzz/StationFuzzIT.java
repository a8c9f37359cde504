package org.zhonglou.station.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.zhonglou.fuzz.AcceptedReadings;
import org.zhonglou.fuzz.Entropy;
import org.zhonglou.fuzz.EventPayloads;
import org.zhonglou.fuzz.Queries;
import org.zhonglou.fuzz.RequestBodies;
import org.zhonglou.station.StationApi;
import org.zhonglou.support.messaging.ConsumerFailures;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.fuzz.ConsumerInvariant;
import org.zhonglou.testsupport.fuzz.Exploration;
import org.zhonglou.testsupport.fuzz.FuzzedEntropy;
import org.zhonglou.testsupport.fuzz.HttpInvariant;
import org.zhonglou.testsupport.fuzz.LoopbackOnly;

/**
 * Every request body and query parameter of station monitoring, and both consumers of
 * {@code station.readings.v1}, fed structured hostile input (fuzz-inputs). Invariants: the answer is 2xx or
 * a 4xx problem+json; every reading acknowledged with 202 is stored; a consumer handles a record or
 * classifies it as poison. Each {@code @Test} explores seeded inputs for a bounded time in the build; each
 * {@code @FuzzTest} replays its committed corpus (src/test/resources/.../StationFuzzITInputs) and, under
 * {@code JAZZER_FUZZ=1} ({@code ./run.sh fuzz}), lets Jazzer steer the same generators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class StationFuzzIT {

    private static final AtomicLong OFFSETS = new AtomicLong();

    @Value("${local.server.port}")
    int port;

    @Autowired
    @Qualifier("storeReadings")
    Consumer<Message<List<byte[]>>> storeReadings;

    @Autowired
    @Qualifier("evaluateReadings")
    Consumer<Message<List<byte[]>>> evaluateReadings;

    private StationApi api;
    private String station;
    private String deviceKey;

    @BeforeEach
    void onlyLoopback() {
        LoopbackOnly.allow();
    }

    @Test
    void readingsBodies() {
        AcceptedReadings accepted = new AcceptedReadings();
        Exploration.explore("readings", e -> postReadings(e, accepted));
        awaitStored(accepted);
    }

    @FuzzTest
    void readingsBody(FuzzedDataProvider data) {
        AcceptedReadings accepted = new AcceptedReadings();
        postReadings(new FuzzedEntropy(data), accepted);
        awaitStored(accepted);
    }

    @Test
    void rulesAndCommands() {
        Exploration.explore("rules-and-commands", this::rulesAndCommand);
    }

    @FuzzTest
    void ruleAndCommandBodies(FuzzedDataProvider data) {
        rulesAndCommand(new FuzzedEntropy(data));
    }

    @Test
    void queries() {
        Exploration.explore("station-queries", this::query);
    }

    @FuzzTest
    void queryParameters(FuzzedDataProvider data) {
        query(new FuzzedEntropy(data));
    }

    @Test
    void readingsConsumers() {
        Exploration.explore("readings-consumers", this::consume);
    }

    @FuzzTest
    void readingsRecords(FuzzedDataProvider data) {
        consume(new FuzzedEntropy(data));
    }

    private void postReadings(Entropy e, AcceptedReadings accepted) {
        String body = RequestBodies.readings(e);
        Instant before = Instant.now();
        ApiClient.Answer answer = HttpInvariant.check("POST readings", body,
                stationApi().post(station, deviceKey, body));
        if (answer.status() == 202) {
            accepted.add(body, before);
        }
    }

    private void awaitStored(AcceptedReadings accepted) {
        accepted.perMetricAndDay().forEach((metric, days) -> days.forEach((day, count) ->
                stationApi().awaitStored(station, metric, day, day.plus(Duration.ofDays(1)), count)));
    }

    private void rulesAndCommand(Entropy e) {
        stationApi();
        String rules = RequestBodies.rules(e);
        HttpInvariant.check("PUT rules", rules, stationApi().client()
                .put("/api/stations/" + station + "/rules", rules).bearer(StationApi.STAFF).send());
        String command = RequestBodies.command(e, "gas-1");
        HttpInvariant.check("POST command", command, stationApi().client()
                .post("/api/stations/" + station + "/commands", command).bearer(StationApi.STAFF).send());
    }

    private void query(Entropy e) {
        stationApi();
        for (String path : List.of(Queries.readings(e, station), Queries.throughput(e, station),
                Queries.alerts(e, station))) {
            HttpInvariant.check("GET", path, stationApi().get(path));
        }
    }

    private void consume(Entropy e) {
        stationApi();
        List<byte[]> payloads = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (int i = e.between(1, 3); i > 0; i--) {
            payloads.add(EventPayloads.readingsAccepted(e, station).getBytes(StandardCharsets.UTF_8));
            partitions.add(0);
            offsets.add(OFFSETS.incrementAndGet());
        }
        Message<List<byte[]>> message = MessageBuilder.withPayload(payloads)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions).setHeader(KafkaHeaders.OFFSET, offsets).build();
        String input = payloads.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList().toString();
        ConsumerInvariant.check("storeReadings", input, ConsumerFailures::isPoison, () -> storeReadings.accept(message));
        ConsumerInvariant.check("evaluateReadings", input, ConsumerFailures::isPoison,
                () -> evaluateReadings.accept(message));
    }

    /** One station with one device per test class instance, made on first use. */
    private StationApi stationApi() {
        if (api == null) {
            api = new StationApi(port);
            station = api.newStation(200);
            deviceKey = api.newDevice(station, "gas-1");
            assertThat(deviceKey).isNotBlank();
        }
        return api;
    }
}
