package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhonglou.devidentity.DevKeys;

class StackCliTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void tokenPrintsAJwtSignedWithTheDevKeyAsItsLastLine() throws Exception {
        int code = cli(Map.of("DATA_DIR", "stack-data")).execute(new String[] {"token", "staff-7", "STAFF"});

        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String[] jwt = lines[lines.length - 1].split("\\.");
        assertThat(jwt).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"staff-7\"", "\"roles\":[\"STAFF\"]");

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(DevKeys.readPublicKey(root.resolve("stack-data/keys").resolve(DevKeys.PUBLIC_KEY_FILE)));
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }

    @Test
    void replayDlqNeedsADeadLetterTopic() {
        assertThat(cli(Map.of()).execute(new String[] {"replay-dlq"})).isEqualTo(2);
        assertThat(cli(Map.of()).execute(new String[] {"replay-dlq", "station.readings.v1"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./run.sh replay-dlq <topic>.<consumer-group>.dlq");
    }

    @Test
    void tokenAcceptsARoleInLowerCase() {
        assertThat(cli(Map.of()).execute(new String[] {"token", "parent-1", "parent"})).isZero();
    }

    @Test
    void tokenRejectsAnUnknownRoleInOneLine() {
        int code = cli(Map.of()).execute(new String[] {"token", "x", "ADMIN"});

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("unknown role 'ADMIN': use PARENT, STAFF or SERVICE");
    }

    @Test
    void tokenNeedsASubjectAndARole() {
        assertThat(cli(Map.of()).execute(new String[] {"token", "only-sub"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./run.sh token <sub>");
    }

    @Test
    void unknownCommandShowsUsage() {
        assertThat(cli(Map.of()).execute(new String[] {"restart"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'restart'", "usage:");
    }

    @Test
    void lifecycleCommandsTakeNoArguments() {
        assertThat(cli(Map.of()).execute(new String[] {"stop", "kafka"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stop takes no arguments");
    }

    @Test
    void dataDirDefaultsToDataUnderTheRootAndIsMadeAbsolute() {
        assertThat(cli(Map.of()).paths().dataDir()).isEqualTo(root.resolve("data"));
        assertThat(cli(Map.of("DATA_DIR", "/tmp/elsewhere")).paths().dataDir()).isEqualTo(Path.of("/tmp/elsewhere"));
    }

    private StackCli cli(Map<String, String> env) {
        return new StackCli(env, root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
