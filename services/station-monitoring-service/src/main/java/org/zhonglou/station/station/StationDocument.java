package org.zhonglou.station.station;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;

/** A transfer station; its id is the public slug, so lookups are point reads. */
@Document("stations")
public record StationDocument(@Id String id, String name, String address, double dailyCapacityTonnes,
                              Instant createdAt, String createdBy) {

    /** The first {@code limit} stations by id. */
    static Query firstById(int limit) {
        return new Query().with(Sort.by("_id")).limit(limit);
    }
}
