package org.zhonglou.station.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.station.CommandEvent.InterlockOverride;
import org.zhonglou.contracts.station.CommandStatus;

/** A command's lifecycle, and that its mapper reads back what it writes. */
class CommandTest {

    private static final Instant NOW = Instant.parse("2024-08-07T03:00:00.123456789Z");

    @Test
    void anIssuedCommandKeepsItsTimesAsTheStoreDoesAndCompletesOnce() {
        InterlockOverride override = new InterlockOverride("staff-wang", "checked on site", NOW,
                List.of("st~gas-1~h2s~1"));
        Command issued = Command.issue("cmd-1", "st", "compactor-1", Action.START, null, "staff-wang", NOW,
                NOW.plusSeconds(600), override);

        assertThat(issued.status()).isEqualTo(CommandStatus.PENDING);
        assertThat(issued.parameters()).isEmpty();
        assertThat(issued.issuedAt()).isEqualTo(Instant.parse("2024-08-07T03:00:00.123Z"));
        assertThat(issued.interlockOverride().at()).isEqualTo(issued.issuedAt());
        assertThat(issued.expiredUnseen(NOW.plusSeconds(600))).isTrue();
        assertThat(issued.pickedUpAt(NOW).expiredUnseen(NOW.plusSeconds(600))).isFalse();

        Command refused = issued.completed(CommandStatus.REFUSED, "interlocked", NOW.plusSeconds(1));
        assertThat(refused.event(NOW.plusSeconds(1)).status()).isEqualTo(CommandStatus.REFUSED);
        assertThat(refused.event(NOW.plusSeconds(1)).interlockOverride()).isEqualTo(issued.interlockOverride());
    }

    @Test
    void whatTheMapperWritesReadsBackAsTheCommand() {
        Command issued = Command.issue("cmd-2", "st", "lift-1", Action.RESET, Map.of("level", 2), "staff-wang", NOW,
                NOW.plusSeconds(600), new InterlockOverride("staff-wang", "ok", NOW, List.of("a~1")));
        Document stored = CommandDocuments.document(issued, new Document());
        assertThat(CommandDocuments.command(stored)).isEqualTo(issued);

        Command completed = issued.completed(CommandStatus.SUCCEEDED, "done", NOW.plusSeconds(5).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        stored.putAll(CommandDocuments.completion(completed, new Document()).getUpdateObject()
                .get("$set", Document.class));
        assertThat(CommandDocuments.command(stored)).isEqualTo(completed);
    }
}
