package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexKeyTypeTest {

    private final IndexKeyType type = new IndexKeyType();

    @Test
    void equalKeysAreEqualAndDifferentOnesAreOrderedBothWays() {
        List<KeyValue> keys = List.of(new KeyValue("a"), new KeyValue("b"), new KeyValue(1), new KeyValue(1L),
                new KeyValue(1.0), new KeyValue("a", 2), new KeyValue("a", 3), new KeyValue((Object) null));
        for (KeyValue left : keys) {
            for (KeyValue right : keys) {
                int order = type.compare(left, right);
                assertThat(Integer.signum(order)).as(left + " vs " + right)
                        .isEqualTo(-Integer.signum(type.compare(right, left)));
                assertThat(order == 0).as(left + " vs " + right).isEqualTo(left == right);
            }
        }
        assertThat(type.compare(new KeyValue("station~1"), new KeyValue("station~1"))).isZero();
    }

    @Test
    void aStoreFileBuiltWithTheOldIndexOrderIsRefusedWithAWayOut(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
        MVStore old = new MVStore.Builder().fileName(file.toString()).open();
        old.openMap("databases.registration").put("x", "y");
        old.close();

        assertThatThrownBy(() -> LocalStore.start(file, Ports.HOST, 0))
                .hasMessageContaining("older version").hasMessageContaining("fresh DATA_DIR");
    }
}
