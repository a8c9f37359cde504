package org.zhonglou.support.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Rewrites the documents of one collection that still hold values under older keys, under the current
 * keys, so the older keys can be removed. A service declares one as a bean; {@link KeyRotation} runs it
 * on a schedule while older keys are configured, and the STAFF endpoint on demand.
 * <ul>
 *   <li>Resumable: it walks the collection in {@code _id} order and records each page done, so a pass cut
 *   short by a restart continues after the last page.</li>
 *   <li>Idempotent: documents already under the current keys are left alone, so a second pass rewrites
 *   nothing.</li>
 *   <li>Safe with several instances: one instance at a time holds the lease on the pass; and every
 *   rewrite is one conditional update on the document's values as read (the step's job), so a change
 *   made meanwhile is never overwritten: the document is read again and retried.</li>
 * </ul>
 */
public final class RekeyJob {

    private static final Logger log = LoggerFactory.getLogger(RekeyJob.class);
    private static final int PAGE = 200;
    private static final int ATTEMPTS = 3;

    /** What became of one document. */
    public enum Outcome { CURRENT, REWRITTEN, CONFLICT, UNREADABLE }

    /** Rewrites one document if it needs it, by one conditional update; CONFLICT when that matched nothing. */
    @FunctionalInterface
    public interface Step {
        Outcome rekey(Document document);
    }

    private final String name;
    private final String collection;
    private final List<KeyRing> rings;
    private final Step step;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final RekeyLease lease;

    /**
     * @param name  the job's name (its progress document's id)
     * @param rings the key rings whose older keys this job moves away from
     */
    public RekeyJob(String name, String collection, List<KeyRing> rings, Step step, MongoTemplate mongo,
                    Clock clock) {
        this(name, collection, rings, step, mongo, clock, Duration.ofMinutes(2));
    }

    RekeyJob(String name, String collection, List<KeyRing> rings, Step step, MongoTemplate mongo, Clock clock,
             Duration leaseLength) {
        this.name = name;
        this.collection = collection;
        this.rings = List.copyOf(rings);
        this.step = step;
        this.mongo = mongo;
        this.clock = clock;
        this.lease = new RekeyLease(mongo, name, leaseLength);
    }

    public String name() {
        return name;
    }

    /** Whether anything may be left to do: older keys are configured. */
    public boolean hasOlderKeys() {
        return rings.stream().anyMatch(KeyRing::hasOlderKeys);
    }

    public RekeyProgress progress() {
        return RekeyProgress.of(name, keys(), lease.read(), clock.instant());
    }

    /**
     * Runs (or continues) a pass in the calling thread. {@code again}: start a new pass even if one under
     * the same current keys finished (e.g. after an instance with the old configuration wrote meanwhile).
     * Returns at once with the progress when another instance holds the lease.
     */
    public RekeyProgress run(boolean again) {
        Optional<Document> claimed = lease.claim(target(), again, clock.instant());
        if (claimed.isEmpty()) {
            return progress();
        }
        Object after = claimed.get().get("after");
        log.info("Re-encryption {} under {}: {}", name, keys(), after == null ? "starting" : "continuing");
        try {
            while (true) {
                Query page = new Query(after == null ? new Criteria() : Criteria.where("_id").gt(after))
                        .with(Sort.by("_id")).limit(PAGE);
                List<Document> documents = mongo.find(page, Document.class, collection);
                if (documents.isEmpty()) {
                    lease.finish(clock.instant());
                    RekeyProgress done = progress();
                    log.info("Re-encryption {} done: {} checked, {} rewritten, {} left under older keys", name,
                            done.checked(), done.rewritten(), done.left());
                    return done;
                }
                long rewritten = 0;
                long left = 0;
                for (Document document : documents) {
                    Outcome outcome = rekey(document);
                    rewritten += outcome == Outcome.REWRITTEN ? 1 : 0;
                    left += outcome == Outcome.UNREADABLE || outcome == Outcome.CONFLICT ? 1 : 0;
                }
                after = documents.get(documents.size() - 1).get("_id");
                if (!lease.advance(after, documents.size(), rewritten, left, clock.instant())) {
                    log.warn("Re-encryption {} lost its lease; another instance continues", name);
                    return progress();
                }
            }
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
    }

    private Outcome rekey(Document document) {
        Document current = document;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Outcome outcome = step.rekey(current);
            if (outcome == Outcome.UNREADABLE) {
                log.warn("Re-encryption {}: document {} has a value no configured key opens", name, current.get("_id"));
            }
            if (outcome != Outcome.CONFLICT) {
                return outcome;
            }
            current = mongo.findById(document.get("_id"), Document.class, collection);
            if (current == null) {
                return Outcome.CURRENT;
            }
        }
        log.warn("Re-encryption {}: document {} kept changing; the next pass takes it", name, document.get("_id"));
        return Outcome.CONFLICT;
    }

    private String target() {
        return String.join(",", rings.stream().map(ring -> ring.current().id()).toList());
    }

    private String keys() {
        return String.join("; ", rings.stream().map(KeyRing::describe).toList());
    }
}
