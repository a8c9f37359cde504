package org.zhonglou.station.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.zhonglou.contracts.Topics;
import org.zhonglou.station.StationApi;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;

/**
 * One device floods while the broker is away, so every batch it gets in holds its slot for the whole
 * delivery timeout: it gets its share of the slots and 429 beyond, and a neighbour still gets a slot (and
 * the broker's 503). Its own broker and a share of 4 make a context of its own, closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"station.ingest.max-in-flight-per-device=4", "station.ingest.max-in-flight=8"})
@LocalStackTest
@EmbeddedKafka(partitions = 1, topics = {Topics.STATION_READINGS, Topics.STATION_ALERTS, Topics.STATION_COMMANDS})
@DirtiesContext
class InFlightShareIT {

    private static final String READING = "{\"metric\": \"h2s_ppm\", \"value\": 1}";

    @Value("${local.server.port}")
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aFloodingDeviceHoldsOnlyItsShareOfTheSlotsInFlight() {
        StationApi api = new StationApi(port);
        String station = api.newStation(200);
        String flooder = api.newDevice(station, "gas-1");
        String neighbour = api.newDevice(station, "gas-2");
        assertThat(api.post(station, flooder, READING).status()).isEqualTo(202);
        broker.destroy();

        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<ApiClient.Answer>> flood = IntStream.range(0, 12)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.post(station, flooder, READING), threads))
                    .toList();
            List<ApiClient.Answer> answers = flood.stream().map(CompletableFuture::join).toList();
            ApiClient.Answer neighbours = api.post(station, neighbour, READING);

            assertThat(answers).extracting(ApiClient.Answer::status).containsOnly(429, 503);
            assertThat(answers).filteredOn(a -> a.status() == 429).isNotEmpty().allSatisfy(refused -> {
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(refused.json().path("detail").asString()).contains("batches being written");
            });
            assertThat(neighbours.status()).as("the broker's answer, not the flood's").isEqualTo(503);
            assertThat(neighbours.json().path("detail").asString()).contains("could not be stored right now");
        } finally {
            threads.shutdownNow();
        }
    }
}
