package org.zhonglou.station.station;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.zhonglou.support.refusal.Refusal;

@Service
public class Stations {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Stations(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    public StationDocument create(String id, String name, String address, double dailyCapacityTonnes,
                                  String staffId) {
        StationDocument station = new StationDocument(id, name, address, dailyCapacityTonnes, clock.instant(),
                staffId);
        try {
            mongo.insert(station);
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("station-exists", "Station exists", "A station with id '" + id
                    + "' already exists.");
        }
        events.publishEvent(new StationCreated(id));
        return station;
    }

    public Optional<StationDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StationDocument.class));
    }

    /** The station, or 404: every station-scoped call starts here. */
    public StationDocument require(String id) {
        return find(id).orElseThrow(() -> Refusal.notFound("No station '" + id + "'."));
    }

    public List<StationDocument> all() {
        return mongo.find(StationDocument.firstById(1000), StationDocument.class);
    }

    /** Published after a station is stored, so other features (default rules) can set themselves up. */
    public record StationCreated(String stationId) {
    }
}
