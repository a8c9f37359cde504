package org.zhonglou.station.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
 * Takes the broker away under a running service. It has a broker of its own (a different embedded-broker
 * configuration makes a separate context), so the shared context's broker is never touched; the context
 * is closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
@EmbeddedKafka(partitions = 1, topics = {Topics.STATION_READINGS, Topics.STATION_ALERTS, Topics.STATION_COMMANDS})
@DirtiesContext
class BrokerOutageIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void withTheBrokerDownReadingsGetA503WithRetryAfterWithinSecondsNeverA202() {
        StationApi api = new StationApi(port);
        String station = api.newStation(200);
        String key = api.newDevice(station, "gas-1");
        String reading = "{\"metric\": \"h2s_ppm\", \"value\": 1}";
        assertThat(api.post(station, key, reading).status()).isEqualTo(202);

        broker.destroy();

        long started = System.nanoTime();
        ApiClient.Answer refused = api.post(station, key, reading);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 30);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
}
