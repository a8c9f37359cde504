package org.zhonglou.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** run, start, stop and status: what the command line offers, over {@link Supervisor}. */
final class StackLauncher {

    private static final long STOP_GRACE_SECONDS = 30;

    private final StackPaths paths;
    private final StackComponents components;
    private final Supervisor supervisor;
    private final StackStarter starter;
    private final PrintStream out;

    StackLauncher(StackPaths paths, StackComponents components, PrintStream out) {
        this.paths = paths;
        this.components = components;
        this.supervisor = new Supervisor(paths);
        this.starter = new StackStarter(paths, components, supervisor, out);
        this.out = out;
    }

    /** Starts what is not running, waits until everything is healthy, prints the summary. */
    int start() throws IOException, InterruptedException {
        return starter.start();
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
        List<Component> services = new ArrayList<>(components.frontEnds());
        services.addAll(components.services());
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

}
