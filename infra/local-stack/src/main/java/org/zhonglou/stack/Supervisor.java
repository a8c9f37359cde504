package org.zhonglou.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts components as detached processes, finds them again later (from another launcher run) by pid
 * file and {@link ProcessMarkers}, and stops them.
 */
final class Supervisor {

    /** setsid puts a child in its own session, so Ctrl-C in the launcher's terminal does not reach it. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** Starts the line the launcher writes into a component's log before each start. */
    static final String LOG_HEADER = "---- ";

    private final StackPaths paths;

    Supervisor(StackPaths paths) {
        this.paths = paths;
    }

    /** The live process of this component started for this data directory, if any. */
    Optional<ProcessHandle> find(Component component) {
        Optional<ProcessHandle> fromPidFile = readPid(component).flatMap(ProcessHandle::of)
                .filter(handle -> ProcessMarkers.isOurs(handle, component, paths.dataDir()));
        if (fromPidFile.isPresent()) {
            return fromPidFile;
        }
        // The pid file may be gone (deleted data/run) while the process lives on: never leave an orphan.
        Optional<ProcessHandle> stray = ProcessHandle.allProcesses()
                .filter(handle -> ProcessMarkers.isOurs(handle, component, paths.dataDir()))
                .findFirst();
        stray.ifPresentOrElse(handle -> writePid(component, handle.pid()), () -> deletePid(component));
        return stray;
    }

    Process launch(Component component) throws IOException {
        Files.createDirectories(paths.logs());
        Files.createDirectories(paths.run());
        Path log = paths.logFile(component.name());
        Files.writeString(log, LOG_HEADER + component.name() + " starting at " + Instant.now() + " ----\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(component.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(paths.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(component.environment());
        Process process = builder.start();
        awaitOwnCommandLine(process, component);
        writePid(component, process.pid());
        return process;
    }

    /**
     * Right after the start the child may still be the JDK's spawn helper, whose command line does not
     * carry the component's markers yet; until it does, {@link #find} would not recognise it.
     */
    private void awaitOwnCommandLine(Process process, Component component) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (process.isAlive() && !ProcessMarkers.isOurs(process.toHandle(), component, paths.dataDir())
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /**
     * SIGTERM first so each component shuts down cleanly (the store writes its file, Kafka its
     * checkpoints); SIGKILL only for what is still alive after {@code graceSeconds}.
     */
    StopResult stop(ProcessHandle handle, Component component, long graceSeconds) {
        long started = System.nanoTime();
        handle.destroy();
        boolean exited = waitForExit(handle, graceSeconds);
        if (!exited) {
            handle.destroyForcibly();
            waitForExit(handle, 10);
        }
        deletePid(component);
        return new StopResult(!exited, (System.nanoTime() - started) / 1e9);
    }

    record StopResult(boolean killed, double seconds) {
    }

    /**
     * Polls rather than using {@code onExit()}: for a process started by an earlier launcher run (not our
     * child) the JDK only notices the exit seconds later, which would make every stop look slow.
     */
    private static boolean waitForExit(ProcessHandle handle, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (ProcessMarkers.isRunning(handle)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !ProcessMarkers.isRunning(handle);
            }
        }
        return true;
    }

    private Optional<Long> readPid(Component component) {
        Path file = paths.pidFile(component.name());
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void writePid(Component component, long pid) {
        try {
            Files.createDirectories(paths.run());
            Files.writeString(paths.pidFile(component.name()), pid + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the pid file of " + component.name(), e);
        }
    }

    private void deletePid(Component component) {
        try {
            Files.deleteIfExists(paths.pidFile(component.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the pid file of " + component.name(), e);
        }
    }
}
