package org.zhonglou.loadtools.simulate;

import java.io.PrintStream;
import java.time.Duration;

import org.zhonglou.httpclient.Http;
import org.zhonglou.loadtools.client.Endpoints;
import org.zhonglou.loadtools.client.LocalStack;
import org.zhonglou.loadtools.client.StationApi;

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
        Simulation simulation;
        String stationId;
        try {
            stationId = api.ensureStation(options.stationId(), "Longjiang Road transfer station ("
                    + options.stationId() + ")", StationModel.DAILY_TONNES);
            simulation = Simulation.start(api, stationId, options.devices(), options.rate(), options.duration(),
                    stack.dataDir());
        } catch (RuntimeException e) {
            System.err.println("cannot set up station " + options.stationId() + " at " + endpoints.station()
                    + " (is the stack running? ./run.sh start): " + e.getMessage());
            System.exit(1);
            return;
        }
        out.printf("simulating station %s with %d devices at %.0f readings/s for %.1f min (one day of %d t)%n",
                stationId, options.devices(), options.rate(), options.minutes(), (int) StationModel.DAILY_TONNES);
        boolean live = System.console() != null;
        while (simulation.running()) {
            Thread.sleep(live ? 1000 : 10_000);
            out.print(live ? "\r" + simulation.progressLine() : simulation.progressLine() + "\n");
            out.flush();
        }
        out.print((live ? "\r" : "") + simulation.awaitEnd() + "\n");
        System.exit(simulation.accepted() > 0 ? 0 : 1);
    }
}
