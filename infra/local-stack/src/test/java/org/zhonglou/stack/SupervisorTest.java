package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    @TempDir
    Path dataDir;

    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void findsItsProcessByPidFileAndByMarkersAndStopsItWithSigterm() throws Exception {
        StackPaths paths = new StackPaths(dataDir, Path.of("").toAbsolutePath());
        Supervisor supervisor = new Supervisor(paths);
        Component sleeper = sleeper(paths);

        process = supervisor.launch(sleeper);
        assertThat(supervisor.find(sleeper)).map(ProcessHandle::pid).contains(process.pid());

        Files.delete(paths.pidFile("sleeper"));
        assertThat(supervisor.find(sleeper)).map(ProcessHandle::pid).contains(process.pid());
        assertThat(paths.pidFile("sleeper")).exists();

        Supervisor.StopResult result = supervisor.stop(process.toHandle(), sleeper, 10);
        assertThat(result.killed()).isFalse();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.find(sleeper)).isEmpty();
        assertThat(paths.pidFile("sleeper")).doesNotExist();
        assertThat(Files.readString(paths.logFile("sleeper"))).startsWith("---- sleeper starting at");
    }

    @Test
    void doesNotClaimAProcessOfAnotherDataDirOrARecycledPid() throws Exception {
        StackPaths paths = new StackPaths(dataDir.resolve("a"), Path.of("").toAbsolutePath());
        StackPaths other = new StackPaths(dataDir.resolve("b"), Path.of("").toAbsolutePath());
        process = new Supervisor(paths).launch(sleeper(paths));

        Files.createDirectories(other.run());
        Files.writeString(other.pidFile("sleeper"), process.pid() + "\n");

        assertThat(new Supervisor(other).find(sleeper(other))).isEmpty();
        assertThat(ProcessMarkers.otherStackDataDir(sleeper(other))).contains(paths.dataDir().toString());
    }

    private static Component sleeper(StackPaths paths) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx16m", StackComponents.COMPONENT_MARKER + "sleeper",
                StackComponents.DATA_MARKER + paths.dataDir(), "-cp", System.getProperty("java.class.path"),
                Sleeper.class.getName());
        return new Component("sleeper", List.of(1), command, Map.of(), () -> true, Optional.empty());
    }
}
