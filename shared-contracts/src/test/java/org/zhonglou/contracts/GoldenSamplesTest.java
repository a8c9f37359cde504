package org.zhonglou.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.registration.EnrollmentEvent;
import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.CommandEvent;
import org.zhonglou.contracts.station.CommandStatus;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.Severity;

/** Each event serialises to its golden sample and reads back equal: the producing side's contract. */
class GoldenSamplesTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("enrollment-confirmed.json", new EnrollmentEvent("enr-8f3a2c", "taiying-summer-2024",
                        "parent-1", EnrollmentStatus.CONFIRMED, null, Instant.parse("2024-07-01T12:00:03Z"))),
                Arguments.of("enrollment-waitlisted.json", new EnrollmentEvent("enr-9b71d0", "taiying-summer-2024",
                        "parent-31", EnrollmentStatus.WAITLISTED, 1, Instant.parse("2024-07-01T12:00:09Z"))),
                Arguments.of("alert-raised.json", new AlertEvent("alr-5d2e", "longjiang-road", "deodoriser-1",
                        "deodorisation-negative-pressure-lost", "negative_pressure_pa", -5.0, Severity.CRITICAL,
                        AlertState.ACTIVE, Instant.parse("2024-08-07T00:15:00Z"))),
                Arguments.of("command-issued.json", new CommandEvent("cmd-77a1", "longjiang-road", "compactor-1",
                        "RESET", CommandStatus.PENDING, null, Instant.parse("2024-08-07T00:20:00Z"), null)),
                Arguments.of("command-issued-override.json", new CommandEvent("cmd-9c04", "longjiang-road",
                        "compactor-1", "START", CommandStatus.PENDING, null, Instant.parse("2024-08-07T00:25:00Z"),
                        new CommandEvent.InterlockOverride("staff-wang", "fault cleared on site, checked by the shift lead",
                                Instant.parse("2024-08-07T00:25:00Z"), List.of("longjiang-road~compactor-1~fault-code~1")))),
                Arguments.of("command-refused.json", new CommandEvent("cmd-77a1", "longjiang-road", "compactor-1",
                        "RESUME", CommandStatus.REFUSED,
                        "interlocked: CRITICAL alert longjiang-road~deodoriser-1~h2s-high~1 is open",
                        Instant.parse("2024-08-07T00:21:00Z"), null)),
                Arguments.of("readings-accepted.json", new ReadingsAccepted("bat-1f0c", "longjiang-road",
                        "compactor-1", Instant.parse("2024-08-07T00:10:00.250Z"), List.of(
                        new ReadingsAccepted.Reading("r-1", "hydraulic_pressure_mpa", 21.5,
                                Instant.parse("2024-08-07T00:10:00Z")),
                        new ReadingsAccepted.Reading("bat-1f0c:1", "load_tonnes", 11.2,
                                Instant.parse("2024-08-07T00:10:00Z"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serialisesToItsSampleAndReadsBack(String sample, Object event) throws IOException {
        String golden = Samples.read(sample);

        assertThat(EventCodec.encodeToString(event)).isEqualTo(golden);
        assertThat(EventCodec.decode(golden, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void toleratesFieldsAddedLaterInTheSameVersion(String sample, Object event) throws IOException {
        String golden = Samples.read(sample);
        String withExtraField = golden.substring(0, golden.length() - 1) + ",\"addedLater\":\"x\"}";

        assertThat(EventCodec.decode(withExtraField, event.getClass())).isEqualTo(event);
    }

    @Test
    void aCommandEventWrittenBeforeTheOverrideFieldExistedReadsWithoutOne() {
        String v1 = "{\"commandId\":\"cmd-77a1\",\"stationId\":\"longjiang-road\",\"deviceId\":\"compactor-1\","
                + "\"action\":\"RESET\",\"status\":\"PENDING\",\"message\":null,\"occurredAt\":\"2024-08-07T00:20:00Z\"}";

        assertThat(EventCodec.decode(v1, CommandEvent.class).interlockOverride()).isNull();
        assertThat(EventCodec.decode(v1, CommandEvent.class).commandId()).isEqualTo("cmd-77a1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void samplesCarryNoPersonalData(String sample, Object event) throws IOException {
        assertThat(Samples.read(sample)).doesNotContainIgnoringCase("fullName")
                .doesNotContainIgnoringCase("dateOfBirth").doesNotContainIgnoringCase("phone")
                .doesNotContainIgnoringCase("email");
    }

    static final class Samples {
        static String read(String name) throws IOException {
            try (InputStream in = GoldenSamplesTest.class.getResourceAsStream("/samples/" + name)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        }
    }
}
