package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

class StoreBackendTest {

    @Test
    void writesAndUnknownCommandsAreCommittedBeforeTheirAnswer() {
        for (String command : List.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop",
                "dropDatabase", "renameCollection", "someFutureCommand")) {
            assertThat(StoreBackend.mayWrite(command, new Document())).as(command).isTrue();
        }
    }

    @Test
    void readsAreAnsweredWithoutACommit() {
        for (String command : List.of("find", "getMore", "count", "listCollections", "ping", "isMaster")) {
            assertThat(StoreBackend.mayWrite(command, new Document())).as(command).isFalse();
        }
    }

    @Test
    void anAggregationWritesOnlyWithOutOrMerge() {
        Document match = new Document("$match", new Document("stationId", "longjiang-road"));
        Document out = new Document("$out", "daily");

        assertThat(StoreBackend.mayWrite("aggregate", new Document("pipeline", List.of(match)))).isFalse();
        assertThat(StoreBackend.mayWrite("aggregate", new Document("pipeline", List.of(match, out)))).isTrue();
    }
}
