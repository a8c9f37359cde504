package org.zhonglou.station.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.station.StationApi;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;

/**
 * Instants, dates and ranges at the ends of the calendar, and command parameters the store could take for
 * operators: 400 naming the field, never a 500 (the throughput query at {@code +999999999-12-31} was one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class InputBoundsIT {

    @Value("${local.server.port}")
    int port;

    StationApi api;

    @BeforeEach
    void client() {
        api = new StationApi(port);
    }

    @Test
    void timesOutsideTheirBoundsAreRefusedNamingTheFieldNeverA500() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "gas-1");

        for (String timestamp : List.of("-999999999-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
                Instant.now().minus(Duration.ofDays(3651)).toString(), "+999999999-12-31T23:59:59Z")) {
            ApiClient.Answer refused = api.post(station, key, "{\"metric\": \"h2s_ppm\", \"value\": 25, "
                    + "\"timestamp\": \"" + timestamp + "\"}");
            assertThat(refused.status()).as(timestamp).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsString("field")).as(timestamp)
                    .containsExactly("timestamp");
        }
        String series = "/api/stations/" + station + "/readings?metric=h2s_ppm&step=PT1H";
        assertRefused(series + "&from=-999999999-01-01T00:00:00Z&to=2024-08-08T00:00:00Z", "from");
        assertRefused(series + "&from=2024-08-07T00:00:00Z&to=+999999999-12-31T23:59:59Z", "to");
        assertRefused("/api/stations/" + station + "/throughput?from=+999999999-12-31&to=+999999999-12-31", "from");
        assertRefused("/api/stations/" + station + "/throughput?from=2024-08-07&to=+999999999-12-31", "to");
        ApiClient.Answer millions = api.get("/api/stations/" + station + "/readings?metric=h2s_ppm"
                + "&from=2000-01-01T00:00:00Z&to=2099-12-31T00:00:00Z&step=PT1S");
        assertThat(millions.status()).isEqualTo(400);
        assertThat(millions.json().path("detail").asString()).contains("buckets");
        for (String parameters : List.of("{\"$set\": 1}", "{\"a.b\": 1}", "{\"speed\": {\"nested\": 1}}",
                "{\"speed\": 1e400}", "{\"note\": \"" + "x".repeat(201) + "\"}")) {
            ApiClient.Answer command = api.client().post("/api/stations/" + station + "/commands",
                    "{\"deviceId\": \"gas-1\", \"action\": \"RESET\", \"parameters\": " + parameters + "}")
                    .bearer(StationApi.STAFF).send();
            assertThat(command.status()).as(parameters).isEqualTo(400);
            assertThat(command.json().path("errors").findValuesAsString("field")).as(parameters).contains("parameters");
        }
    }

    private void assertRefused(String path, String field) {
        ApiClient.Answer answer = api.get(path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsString("field")).as(path).containsExactly(field);
    }
}
