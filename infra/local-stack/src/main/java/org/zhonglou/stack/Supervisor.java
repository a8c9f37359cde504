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

/**
 * Starts components as detached processes and finds them again later, from another launcher run.
 * A pid file alone could point at a recycled pid, so a process counts as ours only when its command
 * line carries our component and data-directory markers.
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
                .filter(handle -> isOurs(handle, component));
        if (fromPidFile.isPresent()) {
            return fromPidFile;
        }
        // The pid file may be gone (deleted data/run) while the process lives on: never leave an orphan.
        Optional<ProcessHandle> stray = ProcessHandle.allProcesses()
                .filter(handle -> isOurs(handle, component))
                .findFirst();
        stray.ifPresentOrElse(handle -> writePid(component, handle.pid()), () -> deletePid(component));
        return stray;
    }

    /** The data directory of a stack started elsewhere that runs this component, to explain a busy port. */
    Optional<String> otherStackDataDir(Component component) {
        String marker = StackComponents.COMPONENT_MARKER + component.name() + " ";
        return ProcessHandle.allProcesses()
                .map(handle -> handle.info().commandLine().orElse(""))
                .filter(line -> line.contains(marker))
                .map(Supervisor::dataDirOf)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> dataDirOf(String commandLine) {
        int start = commandLine.indexOf(StackComponents.DATA_MARKER);
        if (start < 0) {
            return Optional.empty();
        }
        start += StackComponents.DATA_MARKER.length();
        int end = commandLine.indexOf(' ', start);
        return Optional.of(end < 0 ? commandLine.substring(start) : commandLine.substring(start, end));
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
        writePid(component, process.pid());
        return process;
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
        while (isRunning(handle)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(handle);
            }
        }
        return true;
    }

    /**
     * Alive and not a zombie. A process whose launcher has exited is reaped by pid 1, which in a
     * container may take seconds; until then the JDK still reports it alive.
     */
    static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(handle.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or already gone: the JDK's answer is the best there is.
            return handle.isAlive();
        }
    }

    private boolean isOurs(ProcessHandle handle, Component component) {
        if (!handle.isAlive()) {
            return false;
        }
        Optional<String> commandLine = handle.info().commandLine();
        if (commandLine.isEmpty()) {
            // Another user's process or a platform without /proc details: never ours.
            return false;
        }
        String line = commandLine.get();
        return line.contains(StackComponents.COMPONENT_MARKER + component.name() + " ")
                && line.contains(StackComponents.DATA_MARKER + paths.dataDir() + " ");
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
