package org.zhonglou.station.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhonglou.support.refusal.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadingValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2024-08-07T08:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(90);

    private static ReadingValidator.Result validate(String json) {
        JsonNode body = JSON.readTree(json);
        return ReadingValidator.validate(body, "b1", NOW, RETENTION);
    }

    @Test
    void aSingleValidReadingGetsReceiptTimeAndAGeneratedId() {
        ReadingValidator.Result result = validate("{\"metric\": \"h2s_ppm\", \"value\": 3.5}");

        assertThat(result.problems()).isEmpty();
        assertThat(result.readings()).singleElement().satisfies(r -> {
            assertThat(r.readingId()).isEqualTo("b1:0");
            assertThat(r.timestamp()).isEqualTo(NOW);
            assertThat(r.value()).isEqualTo(3.5);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"metric\": \"co2_ppm\", \"value\": 1}                                   | [1].metric",
        "{\"value\": 1}                                                            | [1].metric",
        "{\"metric\": \"h2s_ppm\", \"value\": 501}                                 | [1].value",
        "{\"metric\": \"negative_pressure_pa\", \"value\": -2001}                  | [1].value",
        "{\"metric\": \"h2s_ppm\", \"value\": \"NaN\"}                             | [1].value",
        "{\"metric\": \"h2s_ppm\", \"value\": 1e400}                               | [1].value",
        "{\"metric\": \"h2s_ppm\"}                                                 | [1].value",
        "{\"metric\": \"fault_code\", \"value\": 1.5}                              | [1].value",
        "{\"metric\": \"h2s_ppm\", \"value\": 1, \"timestamp\": \"2024-08-07T08:05:01Z\"} | [1].timestamp",
        "{\"metric\": \"h2s_ppm\", \"value\": 1, \"timestamp\": \"yesterday\"}      | [1].timestamp",
        "{\"metric\": \"h2s_ppm\", \"value\": 1, \"readingId\": 7}                 | [1].readingId",
        "{\"metric\": \"h2s_ppm\", \"value\": 1, \"isAdmin\": true}                | [1].isAdmin",
        "42                                                                        | [1]"
    })
    void eachKindOfBadItemRejectsTheWholeBatchAndIsNamed(String badItem, String field) {
        ReadingValidator.Result result = validate("[{\"metric\": \"h2s_ppm\", \"value\": 1}, " + badItem + "]");

        assertThat(result.readings()).isEmpty();
        assertThat(result.problems()).extracting(FieldProblem::field).containsExactly(field);
    }

    @Test
    void everyBadItemIsNamedNotOnlyTheFirst() {
        ReadingValidator.Result result = validate("""
                [{"metric": "h2s_ppm", "value": -1}, {"metric": "nh3_ppm", "value": 2},
                 {"metric": "load_tonnes", "value": 31, "timestamp": "2030-01-01T00:00:00Z"}]""");

        assertThat(result.problems()).extracting(FieldProblem::field)
                .containsExactly("[0].value", "[2].value", "[2].timestamp");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-999999999-01-01T00:00:00Z | must not be before 2000-01-01",
        "+999999999-12-31T23:59:59Z | must not be more than 5 minutes in the future",
        "1999-12-31T23:59:59Z       | must not be before 2000-01-01",
        "2024-05-09T07:59:59Z       | must not be older than the raw-reading retention (90 days)"
    })
    void timestampsOutsideTheRetentionOrBefore2000AreRefused(String timestamp, String message) {
        ReadingValidator.Result result = validate("{\"metric\": \"h2s_ppm\", \"value\": 25, \"timestamp\": \""
                + timestamp + "\"}");

        assertThat(result.problems()).containsExactly(new FieldProblem("timestamp", message));
    }

    @Test
    void theOldestReadingTheRetentionKeepsIsAccepted() {
        assertThat(validate("{\"metric\": \"h2s_ppm\", \"value\": 1, \"timestamp\": \"2024-05-09T08:00:00Z\"}")
                .problems()).isEmpty();
        assertThat(ReadingValidator.validate(JSON.readTree("{\"metric\": \"h2s_ppm\", \"value\": 1, "
                + "\"timestamp\": \"2000-01-01T00:00:00Z\"}"), "b1", NOW, Duration.ofDays(365 * 100)).problems())
                .as("a retention longer than this century still stops at 2000").isEmpty();
    }

    @Test
    void fiveMinutesAheadIsStillAccepted() {
        assertThat(validate("{\"metric\": \"h2s_ppm\", \"value\": 1, \"timestamp\": \"2024-08-07T08:05:00Z\"}")
                .problems()).isEmpty();
    }

    @Test
    void emptyAndOversizedBatchesAreRefused() {
        assertThat(validate("[]").problems()).extracting(FieldProblem::field).containsExactly("$");
        String item = "{\"metric\": \"h2s_ppm\", \"value\": 1}";
        String tooMany = "[" + (item + ",").repeat(1000) + item + "]";
        assertThat(validate(tooMany).problems()).extracting(FieldProblem::field).containsExactly("$");
        String justRight = "[" + (item + ",").repeat(999) + item + "]";
        assertThat(validate(justRight).readings()).hasSize(1000);
    }
}
