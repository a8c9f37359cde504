package org.zhonglou.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts what is not running, infrastructure first (the services need the store and the topics at
 * start-up), and waits for real health checks, failing fast when a process dies.
 */
final class StackStarter {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int LOG_TAIL_LINES = 40;

    private final StackPaths paths;
    private final StackComponents components;
    private final Supervisor supervisor;
    private final PrintStream out;

    StackStarter(StackPaths paths, StackComponents components, Supervisor supervisor, PrintStream out) {
        this.paths = paths;
        this.components = components;
        this.supervisor = supervisor;
        this.out = out;
    }

    /** Starts what is not running, waits until everything is healthy, prints the summary. */
    int start() throws IOException, InterruptedException {
        Optional<String> problem = preflight();
        if (problem.isPresent()) {
            out.println(problem.get());
            return 1;
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Optional<Failure> failure = startWave(components.infrastructure(), deadline);
        if (failure.isEmpty()) {
            failure = startWave(components.services(), deadline);
        }
        if (failure.isEmpty()) {
            failure = startWave(components.frontEnds(), deadline);
        }
        if (failure.isPresent()) {
            report(failure.get());
            return 1;
        }
        out.print(Summary.text(paths));
        return 0;
    }

    private Optional<String> preflight() {
        for (Component component : components.all()) {
            if (supervisor.find(component).isPresent()) {
                continue;
            }
            if (component.jar().isPresent() && !Files.isRegularFile(component.jar().get())) {
                return Optional.of(component.jar().get() + " is missing: build it with "
                        + "./mvnw -q -B -Dmaven.test.skip=true package (./run.sh does this for you)");
            }
            for (int port : component.ports()) {
                if (HealthChecks.listening(port)) {
                    return Optional.of(busyPort(component, port));
                }
            }
        }
        return Optional.empty();
    }

    private String busyPort(Component component, int port) {
        return ProcessMarkers.otherStackDataDir(component)
                .map(other -> "port " + port + " (" + component.name() + ") is taken by a local stack with DATA_DIR="
                        + other + "; stop it with: DATA_DIR=" + other + " ./run.sh stop")
                .orElse("port " + port + " (" + component.name() + ") is in use by another program, not by this "
                        + "stack; stop that program or free the port");
    }

    private Optional<Failure> startWave(List<Component> wave, long deadline) throws IOException, InterruptedException {
        Map<Component, Process> launched = new LinkedHashMap<>();
        List<Component> pending = new ArrayList<>();
        for (Component component : wave) {
            Optional<ProcessHandle> running = supervisor.find(component);
            if (running.isPresent()) {
                out.printf("  %-28s already running (pid %d)%n", component.name(), running.get().pid());
            } else {
                launched.put(component, supervisor.launch(component));
            }
            pending.add(component);
        }
        if (!launched.isEmpty()) {
            out.println("starting " + launched.keySet().stream().map(Component::name)
                    .collect(Collectors.joining(", ")) + " ...");
        }
        long waveStart = System.nanoTime();
        while (!pending.isEmpty()) {
            for (Component component : List.copyOf(pending)) {
                if (component.health().healthy()) {
                    pending.remove(component);
                    if (launched.containsKey(component)) {
                        out.printf("  %-28s up in %.1f s%n", component.name(), (System.nanoTime() - waveStart) / 1e9);
                    }
                    continue;
                }
                Process process = launched.get(component);
                if (process != null && !process.isAlive()) {
                    return Optional.of(new Failure(component, "exited with code " + process.exitValue()
                            + " while starting"));
                }
                if (process == null && supervisor.find(component).isEmpty()) {
                    return Optional.of(new Failure(component, "stopped while the stack was starting"));
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                return Optional.of(new Failure(pending.get(0), "did not become healthy within "
                        + START_TIMEOUT.toMinutes() + " minutes"));
            }
            if (!pending.isEmpty()) {
                Thread.sleep(500);
            }
        }
        return Optional.empty();
    }

    private void report(Failure failure) {
        String name = failure.component().name();
        out.println("FAILED: " + name + " " + failure.reason() + ".");
        out.println("Last lines of " + paths.logFile(name) + ":");
        LogTail.lastLines(paths.logFile(name), LOG_TAIL_LINES).forEach(line -> out.println("  | " + line));
        out.println("What did start keeps running: ./run.sh status shows it, ./run.sh stop stops it.");
    }

    private record Failure(Component component, String reason) {
    }
}
