package org.zhonglou.support.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhonglou.support.keys.KeyRingTest.filled;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.zhonglou.testsupport.LocalMongo;

/** The walk, the lease and the conditional updates against the real store over TCP. */
class RekeyJobTest {

    private static final MongoClient CLIENT = MongoClients.create(LocalMongo.shared().uri("rekey"));
    private static final int DOCUMENTS = 500;

    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "rekey");
    private final String collection = "c" + UUID.randomUUID().toString().replace("-", "");
    private final KeyRing rotated = KeyRing.of(filled(2), filled(1));

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    /** "old" to "new", by one conditional update that also counts how often each document was rewritten. */
    private RekeyJob.Outcome rewrite(Document document) {
        if ("new".equals(document.getString("value"))) {
            return RekeyJob.Outcome.CURRENT;
        }
        Query asRead = Query.query(Criteria.where("_id").is(document.get("_id")).and("value").is("old"));
        return mongo.updateFirst(asRead, new Update().set("value", "new").inc("rewrites", 1), collection)
                .getModifiedCount() == 1 ? RekeyJob.Outcome.REWRITTEN : RekeyJob.Outcome.CONFLICT;
    }

    private RekeyJob job(String name, RekeyJob.Step step, Duration lease) {
        return new RekeyJob(name, collection, List.of(rotated), step, mongo, Clock.systemUTC(), lease);
    }

    private void fill() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new Document("_id", String.format("d-%05d", i)).append("value", "old"));
        }
        mongo.insert(documents, collection);
    }

    private void assertEachRewrittenExactlyOnce() {
        List<Document> all = mongo.findAll(Document.class, collection);
        assertThat(all).hasSize(DOCUMENTS).allSatisfy(document -> {
            assertThat(document.getString("value")).isEqualTo("new");
            assertThat(document.getInteger("rewrites")).isEqualTo(1);
        });
    }

    @Test
    void aPassCutShortContinuesAfterTheLastPageItRecorded() {
        fill();
        String name = "resume-" + collection;
        AtomicInteger seen = new AtomicInteger();
        RekeyJob crashing = job(name, document -> {
            if (seen.incrementAndGet() == 250) {
                throw new IllegalStateException("store went away");
            }
            return rewrite(document);
        }, Duration.ofMinutes(2));

        assertThatThrownBy(() -> crashing.run(false)).hasMessage("store went away");
        RekeyProgress interrupted = crashing.progress();
        assertThat(interrupted.state()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.checked()).isEqualTo(200);

        RekeyJob restarted = job(name, this::rewrite, Duration.ofMinutes(2));
        RekeyProgress done = restarted.run(false);

        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.checked()).isEqualTo(DOCUMENTS);
        assertThat(done.rewritten()).isEqualTo(DOCUMENTS - 49);
        assertThat(done.left()).isZero();
        assertEachRewrittenExactlyOnce();
        assertThat(restarted.run(false).finishedAt()).isEqualTo(done.finishedAt());
        RekeyProgress again = restarted.run(true);
        assertThat(again.state()).isEqualTo("DONE");
        assertThat(again.rewritten()).isZero();
        assertThat(again.checked()).isEqualTo(DOCUMENTS);
    }

    @Test
    void twoInstancesThatKeepTakingTheLeaseFromEachOtherRewriteEachDocumentOnce() {
        fill();
        String name = "two-" + collection;
        // A lease that lapses at once: both instances walk the same pages at the same time, so only the
        // conditional updates keep them from rewriting a document twice.
        List<RekeyJob> instances = List.of(job(name, this::rewrite, Duration.ofNanos(1)),
                job(name, this::rewrite, Duration.ofNanos(1)));

        List<CompletableFuture<Void>> runs = instances.stream().map(instance -> CompletableFuture.runAsync(() -> {
            while (!"DONE".equals(instance.progress().state())) {
                instance.run(false);
            }
        })).toList();
        runs.forEach(CompletableFuture::join);

        assertEachRewrittenExactlyOnce();
        assertThat(instances.get(0).progress().left()).isZero();
    }

    @Test
    void aDocumentNoKeyOpensIsCountedAsLeftAndTheOthersAreStillDone() {
        fill();
        RekeyJob job = job("left-" + collection, document -> "d-00007".equals(document.get("_id"))
                ? RekeyJob.Outcome.UNREADABLE : rewrite(document), Duration.ofMinutes(2));

        RekeyProgress done = job.run(false);

        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.left()).isEqualTo(1);
        assertThat(done.rewritten()).isEqualTo(DOCUMENTS - 1);
        assertThat(done.keys()).isEqualTo(rotated.describe());
        assertThat(job.hasOlderKeys()).isTrue();
    }
}
