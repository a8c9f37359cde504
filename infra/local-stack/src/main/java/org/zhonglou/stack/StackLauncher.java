package org.zhonglou.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.zhonglou.devidentity.DevKeys;

/** start, run, stop and status: the user-facing orchestration over {@link Supervisor}. */
final class StackLauncher {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final long STOP_GRACE_SECONDS = 30;
    private static final int LOG_TAIL_LINES = 40;

    private final StackPaths paths;
    private final StackComponents components;
    private final Supervisor supervisor;
    private final PrintStream out;

    StackLauncher(StackPaths paths, StackComponents components, PrintStream out) {
        this.paths = paths;
        this.components = components;
        this.supervisor = new Supervisor(paths);
        this.out = out;
    }

    /** Starts what is not running, waits until everything is healthy, prints the summary. */
    int start() throws IOException, InterruptedException {
        Optional<String> problem = preflight();
        if (problem.isPresent()) {
            out.println(problem.get());
            return 1;
        }
        DevKeys.ensureKeyPair(paths.keys());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Optional<Failure> failure = startWave(components.infrastructure(), deadline);
        if (failure.isEmpty()) {
            failure = startWave(components.services(), deadline);
        }
        if (failure.isPresent()) {
            report(failure.get());
            return 1;
        }
        out.print(Summary.text(paths));
        return 0;
    }

    /** Like start, then stays in the foreground and stops everything on Ctrl-C (or on a failed start). */
    int run() throws IOException, InterruptedException {
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            out.println();
            stop();
        }, "stack-stop"));
        int code = start();
        if (code != 0) {
            return code;
        }
        out.println("Running in the foreground: Ctrl-C stops everything.");
        for (Component component : components.all()) {
            supervisor.find(component).ifPresent(handle -> handle.onExit().thenRun(() -> {
                if (!stopping.get()) {
                    out.println(component.name() + " exited unexpectedly; see " + paths.logFile(component.name()));
                }
            }));
        }
        new CountDownLatch(1).await();
        return 0;
    }

    /** Services first, so that they do not log errors about a store or broker that went away. */
    int stop() {
        List<Component> services = new ArrayList<>(components.services());
        int stopped = stopWave(services) + stopWave(components.infrastructure());
        if (stopped == 0) {
            out.println("nothing was running");
        }
        return 0;
    }

    /** Exit code 0 when every component is UP, 3 (as LSB status scripts do) otherwise. */
    int status() {
        out.printf("%-28s %-8s %-11s %s%n", "COMPONENT", "PID", "PORT", "HEALTH");
        boolean allUp = true;
        for (Component component : components.all()) {
            Optional<ProcessHandle> handle = supervisor.find(component);
            String health = handle.isEmpty() ? "STOPPED" : component.health().healthy() ? "UP" : "DOWN";
            allUp &= health.equals("UP");
            String pid = handle.map(h -> String.valueOf(h.pid())).orElse("-");
            String ports = component.ports().stream().map(String::valueOf).collect(Collectors.joining(","));
            out.printf("%-28s %-8s %-11s %s%n", component.name(), pid, ports, health);
        }
        return allUp ? 0 : 3;
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
        return supervisor.otherStackDataDir(component)
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

    private int stopWave(List<Component> wave) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Component component : wave) {
            Optional<ProcessHandle> handle = supervisor.find(component);
            if (handle.isEmpty()) {
                continue;
            }
            out.printf("stopping %s (pid %d) ...%n", component.name(), handle.get().pid());
            stops.add(CompletableFuture.runAsync(() -> {
                Supervisor.StopResult result = supervisor.stop(handle.get(), component, STOP_GRACE_SECONDS);
                synchronized (out) {
                    out.printf("  %-28s %s in %.1f s%n", component.name(),
                            result.killed() ? "KILLED (did not stop on SIGTERM)" : "stopped", result.seconds());
                }
            }));
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io;
            }
            throw e;
        }
        return stops.size();
    }

    private record Failure(Component component, String reason) {
    }
}
