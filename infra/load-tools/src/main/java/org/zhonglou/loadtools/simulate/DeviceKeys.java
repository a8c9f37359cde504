package org.zhonglou.loadtools.simulate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.zhonglou.loadtools.client.StationApi;

/**
 * The simulated devices of one station and their keys. A key is shown only once, so it is kept in
 * {@code $DATA_DIR/simulator/<station>.devices} and a later run of the simulator reuses the devices.
 */
final class DeviceKeys {

    record Device(String id, DeviceRole role, String key) {
    }

    private DeviceKeys() {
    }

    static List<Device> ensure(StationApi api, String stationId, int count, Path dataDir) {
        Path file = dataDir.resolve("simulator").resolve(stationId + ".devices");
        Properties known = load(file);
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DeviceRole role = DeviceRole.forIndex(i);
            String id = role.prefix() + "-" + (i / DeviceRole.values().length + 1);
            String key = known.getProperty(id);
            if (key == null || !api.deviceKeyWorks(stationId, key)) {
                key = register(api, stationId, id, known);
            }
            devices.add(new Device(known.getProperty(id + ".id", id), role, key));
        }
        save(file, known);
        return devices;
    }

    /** Registers {@code id}; if it exists already (its key lost), a fresh id with a suffix instead. */
    private static String register(StationApi api, String stationId, String id, Properties known) {
        String deviceId = id;
        String key;
        try {
            key = api.registerDevice(stationId, deviceId);
        } catch (IllegalStateException alreadyThere) {
            deviceId = id + "-" + UUID.randomUUID().toString().substring(0, 6);
            key = api.registerDevice(stationId, deviceId);
        }
        known.setProperty(id, key);
        known.setProperty(id + ".id", deviceId);
        return key;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static void save(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "simulated devices and their keys (dev only)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
