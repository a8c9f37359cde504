package org.zhonglou.kafkaaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaCredentialsTest {

    @TempDir
    Path dataDir;

    @Test
    void madeOnceWithARandomPasswordPerUserReadableByTheOwnerOnly() throws Exception {
        Path file = KafkaCredentials.file(dataDir);
        KafkaCredentials first = KafkaCredentials.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KafkaAccess.USERS).allSatisfy(user -> assertThat(first.password(user)).hasSizeGreaterThan(30)
                .matches("[A-Za-z0-9_-]+"));
        assertThat(KafkaAccess.USERS.stream().map(first::password).distinct()).hasSameSizeAs(KafkaAccess.USERS);
        KafkaCredentials again = KafkaCredentials.loadOrCreate(file);
        assertThat(KafkaAccess.USERS).allSatisfy(user -> assertThat(again.password(user)).isEqualTo(first.password(user)));
        assertThat(KafkaCredentials.random().password(KafkaAccess.ADMIN)).isNotEqualTo(first.password(KafkaAccess.ADMIN));
    }

    @Test
    void aFileMissingAUserIsRefusedSayingWhatToDo() throws Exception {
        Path file = KafkaCredentials.file(dataDir);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "admin=secret\n");

        assertThatThrownBy(() -> KafkaCredentials.load(file)).hasMessageContaining("registration-service")
                .hasMessageContaining("delete the kafka directory");
    }

    @Test
    void clientSettingsLogInWithScram() {
        assertThat(KafkaCredentials.sasl("notification-service", "pw")).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"notification-service\" password=\"pw\";");
    }
}
