package org.zhonglou.registration.purge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.zhonglou.registration.RegistrationProperties;
import org.zhonglou.registration.enrollment.EnrollmentRecords;
import org.zhonglou.registration.programme.Programme;
import org.zhonglou.registration.programme.Programmes;
import org.zhonglou.registration.seats.LedgerMembers;

/**
 * Data minimisation: personal data of programmes that ended more than {@code purge-after-days} ago is
 * deleted (enrollment documents, children's keyed hashes, member lists), leaving anonymous counts; and
 * sign-up requests that never got a place (refused, or abandoned after a crash) are deleted once their
 * Idempotency-Key has been kept for a day.
 */
@Service
class PersonalDataPurge {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataPurge.class);
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final Duration KEY_RETENTION = Duration.ofHours(25);

    private final Programmes programmes;
    private final EnrollmentRecords enrollments;
    private final LedgerMembers members;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final int purgeAfterDays;

    public PersonalDataPurge(Programmes programmes, EnrollmentRecords enrollments, LedgerMembers members,
                             MongoTemplate mongo, Clock clock, RegistrationProperties properties) {
        this.programmes = programmes;
        this.enrollments = enrollments;
        this.members = members;
        this.mongo = mongo;
        this.clock = clock;
        this.purgeAfterDays = properties.purgeAfterDays();
    }

    public record Report(int programmesPurged, long enrollmentsDeleted, long unplacedRequestsDeleted) {
    }

    @Scheduled(cron = "${zhonglou.registration.purge-cron}", zone = "Asia/Shanghai")
    public Report run() {
        Instant now = clock.instant();
        LocalDate cutoff = LocalDate.ofInstant(now, DISTRICT).minusDays(purgeAfterDays);
        int purged = 0;
        long deleted = 0;
        for (Programme programme : programmes.endedBefore(cutoff)) {
            deleted += enrollments.deleteByProgramme(programme.id());
            members.forget(programme.id(), now);
            purged++;
            log.info("Purged personal data of programme {}", programme.id());
        }
        long unplaced = deleteUnplacedRequests(now.minus(KEY_RETENTION));
        log.info("Purge done: {} programmes, {} enrollments, {} unplaced requests", purged, deleted, unplaced);
        return new Report(purged, deleted, unplaced);
    }

    private long deleteUnplacedRequests(Instant olderThan) {
        long deleted = 0;
        for (Programmes.ProgrammeWithCounts programme : programmes.all()) {
            String id = programme.programme().id();
            LedgerMembers.Members placed = members.of(id);
            Set<String> keep = new HashSet<>(placed.waitlist());
            placed.confirmed().forEach(seat -> keep.add(seat.enrollmentId()));
            keep.addAll(members.cancelledIds(id));
            deleted += mongo.remove(Query.query(Criteria.where("programmeId").is(id)
                    .and("createdAt").lt(Date.from(olderThan)).and("_id").nin(keep)), "enrollments")
                    .getDeletedCount();
        }
        return deleted;
    }
}
