package org.zhonglou.loadtools.simulate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.zhonglou.loadtools.client.Endpoints;
import org.zhonglou.loadtools.client.Http;
import org.zhonglou.loadtools.client.LocalStack;
import org.zhonglou.loadtools.client.StationApi;
import org.zhonglou.loadtools.simulate.DeviceKeys.Device;

/** {@code ./run.sh simulate}: registers the station and its devices if needed, then plays a compressed day. */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = LocalStack.fromEnvironment();
        Endpoints endpoints = Endpoints.fromSystemProperties();
        StationApi api = new StationApi(new Http(Duration.ofSeconds(10)), endpoints,
                stack.token("station-simulator", "STAFF"));
        String stationId;
        List<Device> devices;
        try {
            stationId = api.ensureStation(options.stationId(), "Longjiang Road transfer station ("
                    + options.stationId() + ")", StationModel.DAILY_TONNES);
            devices = DeviceKeys.ensure(api, stationId, options.devices(), stack.dataDir());
        } catch (RuntimeException e) {
            System.err.println("cannot set up station " + options.stationId() + " at " + endpoints.station()
                    + " (is the stack running? ./run.sh start): " + e.getMessage());
            System.exit(1);
            return;
        }
        out.printf("simulating station %s with %d devices at %.0f readings/s for %.1f min (one day of %d t)%n",
                stationId, devices.size(), options.rate(), options.minutes(), (int) StationModel.DAILY_TONNES);

        Progress progress = new Progress();
        StationSimulator simulator = new StationSimulator(api, stationId, devices, options.rate(),
                options.duration(), progress);
        Set<String> alertsSeen = new HashSet<>();
        long start = System.nanoTime();
        long durationNanos = options.duration().toNanos();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        clock.scheduleAtFixedRate(() -> {
            long elapsed = System.nanoTime() - start;
            if (elapsed < durationNanos) {
                simulator.tick(Duration.ofNanos(elapsed));
            }
        }, 0, StationSimulator.TICK.toMillis(), TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(() -> simulator.pollAlerts(alertsSeen), 1, 3, TimeUnit.SECONDS);
        boolean live = System.console() != null;
        while (System.nanoTime() - start < durationNanos) {
            Thread.sleep(live ? 1000 : 10_000);
            double share = Math.min(1.0, (System.nanoTime() - start) / (double) durationNanos);
            out.print(live ? "\r" + progress.line(share) : progress.line(share) + "\n");
            out.flush();
        }
        clock.shutdown();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        simulator.awaitInFlight(Duration.ofSeconds(15));
        simulator.pollAlerts(alertsSeen);
        out.print((live ? "\r" : "") + progress.line(1.0) + "\n");
        System.exit(progress.accepted.get() > 0 ? 0 : 1);
    }
}
