package org.zhonglou.station.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;

/** An alert's lifecycle, and that what its mapper writes for each change reads back as the changed alert. */
class AlertTest {

    private static final Instant RAISED = Instant.parse("2024-08-07T03:00:00.123Z");
    private static final AlertKey KEY = new AlertKey("longjiang-road", "gas-1", "h2s_ppm.ABOVE");
    private static final Rule HIGH = Rule.threshold("h2s-high", Severity.MAJOR, "h2s_ppm", Rule.Comparator.ABOVE, 10, 7,
            0);
    private static final Rule DANGEROUS = Rule.threshold("h2s-dangerous", Severity.CRITICAL, "h2s_ppm",
            Rule.Comparator.ABOVE, 20, 15, 0);

    @Test
    void escalationAcknowledgementAndResolutionEachChangeOnlyTheirOwnFields() {
        Alert raised = Alert.raise(KEY, 3, HIGH, "h2s_ppm", 12.0, RAISED);
        assertThat(raised.id()).isEqualTo("longjiang-road~gas-1~h2s_ppm.ABOVE~3");
        assertThat(raised.state()).isEqualTo(AlertState.ACTIVE);
        assertThat(raised.isOpen()).isTrue();

        Alert escalated = raised.escalatedBy(DANGEROUS, 25.0);
        assertThat(escalated).isEqualTo(new Alert(raised.id(), raised.slot(), "longjiang-road", "gas-1",
                "h2s-dangerous", "h2s_ppm", 25.0, Severity.CRITICAL, AlertState.ACTIVE, RAISED, null, null, null,
                null));

        Alert acknowledged = escalated.acknowledgedBy("staff-wang", RAISED.plusSeconds(60));
        assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acknowledged.severity()).isEqualTo(Severity.CRITICAL);

        Alert resolved = acknowledged.resolved(6.5, RAISED.plusSeconds(120));
        assertThat(resolved.isOpen()).isFalse();
        assertThat(resolved.value()).as("the value that raised or escalated it stays").isEqualTo(25.0);
        assertThat(resolved.resolvedValue()).isEqualTo(6.5);
        assertThat(resolved.acknowledgedBy()).isEqualTo("staff-wang");
        assertThat(resolved.event(RAISED.plusSeconds(120)).state()).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void aResolvedAlertKnowsWhichReplayedRaisesItAlreadyCovers() {
        Alert resolved = Alert.raise(KEY, 1, HIGH, "h2s_ppm", 12.0, RAISED).resolved(5.0, RAISED.plusSeconds(1));

        assertThat(resolved.resolvedSince(RAISED)).isTrue();
        assertThat(resolved.resolvedSince(RAISED.plusSeconds(1))).isTrue();
        assertThat(resolved.resolvedSince(RAISED.plusSeconds(2))).isFalse();
    }

    @Test
    void whatTheMapperWritesForEachChangeReadsBackAsTheChangedAlert() {
        Alert raised = Alert.raise(KEY, 1, HIGH, "h2s_ppm", 12.0, RAISED);
        Document stored = AlertDocuments.document(raised, RAISED, new Document());
        assertThat(AlertDocuments.alert(stored)).isEqualTo(raised);

        Alert escalated = raised.escalatedBy(DANGEROUS, 25.0);
        apply(stored, AlertDocuments.escalation(escalated));
        assertThat(AlertDocuments.alert(stored)).isEqualTo(escalated);

        Alert acknowledged = escalated.acknowledgedBy("staff-wang", RAISED.plusSeconds(60));
        apply(stored, AlertDocuments.acknowledgement(acknowledged));
        assertThat(AlertDocuments.alert(stored)).isEqualTo(acknowledged);

        Alert resolved = acknowledged.resolved(6.5, RAISED.plusSeconds(120));
        apply(stored, AlertDocuments.resolution(resolved));
        assertThat(AlertDocuments.alert(stored)).isEqualTo(resolved);
    }

    private static void apply(Document stored, Update update) {
        stored.putAll(update.getUpdateObject().get("$set", Document.class));
    }
}
