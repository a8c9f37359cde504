package org.zhonglou.loadtools.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.zhonglou.loadtools.client.StationApi;

/**
 * A simulator run driven from code (end-to-end tests, benchmarks): the same devices, model and ticks as
 * {@code ./run.sh simulate}, without the console.
 */
public final class Simulation {

    private final StationSimulator simulator;
    private final Progress progress;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    private final Set<String> alertsSeen = new HashSet<>();
    private final long start = System.nanoTime();
    private final Duration duration;

    private Simulation(StationSimulator simulator, Progress progress, Duration duration) {
        this.simulator = simulator;
        this.progress = progress;
        this.duration = duration;
    }

    /** Registers the station's devices (keys kept under {@code dataDir}) and starts ticking. */
    public static Simulation start(StationApi api, String stationId, int devices, double rate, Duration duration,
                                   Path dataDir) {
        List<DeviceKeys.Device> registered = DeviceKeys.ensure(api, stationId, devices, dataDir);
        Progress progress = new Progress();
        Simulation simulation = new Simulation(
                new StationSimulator(api, stationId, registered, rate, duration, progress), progress, duration);
        simulation.clock.scheduleAtFixedRate(simulation::tick, 0, StationSimulator.TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        simulation.clock.scheduleWithFixedDelay(simulation::pollAlerts, 1, 3, TimeUnit.SECONDS);
        return simulation;
    }

    private void tick() {
        long elapsed = System.nanoTime() - start;
        if (elapsed < duration.toNanos()) {
            simulator.tick(Duration.ofNanos(elapsed));
        }
    }

    private void pollAlerts() {
        synchronized (alertsSeen) {
            simulator.pollAlerts(alertsSeen);
        }
    }

    public boolean running() {
        return System.nanoTime() - start < duration.toNanos();
    }

    public String progressLine() {
        return progress.line(Math.min(1.0, (System.nanoTime() - start) / (double) duration.toNanos()));
    }

    /** Waits for the end of the run and its last answers; returns the final progress line. */
    public String awaitEnd() throws InterruptedException {
        long left = duration.toNanos() - (System.nanoTime() - start);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        clock.shutdown();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        simulator.awaitInFlight(Duration.ofSeconds(15));
        pollAlerts();
        return progress.line(1.0);
    }

    public long sent() {
        return progress.sent.get();
    }

    public long accepted() {
        return progress.accepted.get();
    }

    public String lastProblem() {
        return progress.lastProblem;
    }
}
