package org.zhonglou.station.device;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.zhonglou.station.station.Stations;
import org.zhonglou.support.refusal.Refusal;

/**
 * Registers devices and checks their keys. A key is valid only while BOTH its key document exists and
 * the device's {@code keyHash} names it; rotation flips {@code keyHash} in one atomic update, so the old
 * key stops working at that instant even if the clean-up of its key document never happens.
 */
@Service
public class Devices {

    private static final Logger log = LoggerFactory.getLogger(Devices.class);

    private final MongoTemplate mongo;
    private final Stations stations;
    private final Clock clock;

    Devices(MongoTemplate mongo, Stations stations, Clock clock) {
        this.mongo = mongo;
        this.stations = stations;
        this.clock = clock;
    }

    /** Returns the new device's key; it exists nowhere else afterwards. */
    String register(String stationId, String deviceId, String description) {
        stations.require(stationId);
        String key = DeviceKeys.newKey();
        String hash = DeviceKeys.hash(key);
        Instant now = clock.instant();
        mongo.insert(new DeviceKeyDocument(hash, stationId, deviceId));
        try {
            mongo.insert(new DeviceDocument(DeviceDocument.idOf(stationId, deviceId), stationId, deviceId,
                    description, hash, now, now));
        } catch (DuplicateKeyException e) {
            mongo.remove(DeviceKeyDocument.byHash(hash), DeviceKeyDocument.class);
            throw Refusal.conflict("device-exists", "Device exists",
                    "Station '" + stationId + "' already has a device '" + deviceId + "'.");
        }
        log.info("Registered device {} of station {}", deviceId, stationId);
        return key;
    }

    /** Issues a new key; the previous one is refused from now on. */
    String rotateKey(String stationId, String deviceId) {
        stations.require(stationId);
        String key = DeviceKeys.newKey();
        String hash = DeviceKeys.hash(key);
        mongo.insert(new DeviceKeyDocument(hash, stationId, deviceId));
        DeviceDocument previous = mongo.findAndModify(DeviceDocument.byId(stationId, deviceId),
                DeviceDocument.newKey(hash, clock.instant()), FindAndModifyOptions.options().returnNew(false),
                DeviceDocument.class);
        if (previous == null) {
            mongo.remove(DeviceKeyDocument.byHash(hash), DeviceKeyDocument.class);
            throw Refusal.notFound("Station '" + stationId + "' has no device '" + deviceId + "'.");
        }
        mongo.remove(DeviceKeyDocument.byHash(previous.keyHash()), DeviceKeyDocument.class);
        log.info("Rotated the key of device {} of station {}", deviceId, stationId);
        return key;
    }

    /** The device a key belongs to, if the key is current. */
    public Optional<DeviceIdentity> authenticate(String key) {
        String hash = DeviceKeys.hash(key);
        DeviceKeyDocument byKey = mongo.findById(hash, DeviceKeyDocument.class);
        if (byKey == null) {
            return Optional.empty();
        }
        DeviceDocument device = mongo.findById(DeviceDocument.idOf(byKey.stationId(), byKey.deviceId()),
                DeviceDocument.class);
        if (device == null || !hash.equals(device.keyHash())) {
            return Optional.empty();
        }
        return Optional.of(new DeviceIdentity(device.stationId(), device.deviceId()));
    }

    public boolean exists(String stationId, String deviceId) {
        return mongo.exists(DeviceDocument.byId(stationId, deviceId), DeviceDocument.class);
    }

    /** Small per station; not on a hot path, so a scan of the devices collection is acceptable. */
    public List<String> deviceIds(String stationId) {
        return mongo.find(DeviceDocument.ofStation(stationId), DeviceDocument.class).stream()
                .map(DeviceDocument::deviceId).toList();
    }

    List<DeviceDocument> list(String stationId) {
        stations.require(stationId);
        return mongo.find(DeviceDocument.ofStation(stationId), DeviceDocument.class);
    }
}
