package org.zhonglou.loadtools.simulate;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./run.sh simulate [--station ID] [--devices N] [--rate R] [--minutes M]}.
 *
 * @param rate    readings per second over all devices
 * @param minutes how long the run lasts; a whole day's 200 t of loads is compressed into it
 */
public record SimulatorOptions(String stationId, int devices, double rate, double minutes) {

    static final String USAGE = "usage: ./run.sh simulate [--station ID] [--devices N] [--rate R] [--minutes M]";

    /** What the service lets one device send by default (INGEST_READINGS_PER_SECOND): a real sensor's rate. */
    static final double DEVICE_LIMIT = 100;

    public SimulatorOptions {
        if (!stationId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("--station must be a slug like longjiang-road, got '" + stationId + "'");
        }
        if (devices < 1 || devices > 1000) {
            throw new IllegalArgumentException("--devices must be between 1 and 1000");
        }
        if (!(rate > 0) || rate > 100_000) {
            throw new IllegalArgumentException("--rate must be above 0 and at most 100000 readings/s");
        }
        if (rate / samplingDevices(devices) > DEVICE_LIMIT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--rate %.0f over %d devices is more "
                    + "than the %.0f readings/s the station service lets one device send; use --devices %d or more",
                    rate, devices, DEVICE_LIMIT, devicesFor(rate)));
        }
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw new IllegalArgumentException("--minutes must be above 0 and at most 1440");
        }
    }

    public static SimulatorOptions parse(String... args) {
        String station = "longjiang-road";
        int devices = 4;
        double rate = 50;
        double minutes = 10;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
            }
            String value = args[++i];
            try {
                switch (flag) {
                    case "--station" -> station = value;
                    case "--devices" -> devices = Integer.parseInt(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--minutes" -> minutes = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'");
            }
        }
        return new SimulatorOptions(station, devices, rate, minutes);
    }

    /** Every fourth device is a weighbridge, which posts loads only ({@link DeviceRole#forIndex}). */
    static int samplingDevices(int devices) {
        return devices - devices / 4;
    }

    static int devicesFor(double rate) {
        int devices = 1;
        while (rate / samplingDevices(devices) > DEVICE_LIMIT) {
            devices++;
        }
        return devices;
    }

    public Duration duration() {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
