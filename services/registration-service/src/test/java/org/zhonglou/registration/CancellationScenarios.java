package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhonglou.registration.Samples.*;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import org.zhonglou.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

abstract class CancellationScenarios extends StackScenarios {

    @Test
    void cancellingASeatPromotesTheFirstWaitlistedAndRenumbersTheRest() {
        String programme = createProgramme(api(), programme(1, 3));
        String[] parents = {unique("a"), unique("b"), unique("c")};
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = enrol(api(), programme, parents[i], "k", enrollment(unique("孩子"), i)).json().path("id").asString();
        }

        ApiClient.Answer cancelled = api().post("/api/enrollments/" + ids[0] + "/cancel", null)
                .bearer(TestTokens.parent(parents[0])).send();

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(get(ids[1], TestTokens.parent(parents[1])).path("status").asString()).isEqualTo("CONFIRMED");
        JsonNode third = get(ids[2], TestTokens.parent(parents[2]));
        assertThat(third.path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(third.path("waitlistPosition").asInt()).isEqualTo(1);
        JsonNode counts = api().get("/api/programmes/" + programme).send().json();
        assertThat(counts.path("seatsTaken").asInt()).isEqualTo(1);
        assertThat(counts.path("waitlistLength").asInt()).isEqualTo(1);
        JsonNode roster = api().get("/api/programmes/" + programme + "/roster").bearer(TestTokens.staff("s")).send().json();
        assertThat(roster.path("confirmed").get(0).path("enrollmentId").asString()).isEqualTo(ids[1]);
        assertThat(roster.path("waitlist").get(0).path("enrollmentId").asString()).isEqualTo(ids[2]);
        assertThat(roster.path("confirmed").get(0).path("email").asString()).isEqualTo("parent1@example.cn");

        List<ConsumerRecord<String, byte[]>> events = Events.ofProgramme(brokers, programme, 5);
        // At-least-once: the fast path and the sweep may both send an event; its id stays the same.
        assertThat(events.stream().map(r -> TopicReader.header(r, "ce_id")).distinct()).containsExactly(
                ids[0] + ":EnrollmentConfirmed", ids[1] + ":EnrollmentWaitlisted", ids[2] + ":EnrollmentWaitlisted",
                ids[0] + ":EnrollmentCancelled", ids[1] + ":EnrollmentPromoted");
        assertThat(events).allSatisfy(r -> assertThat(TopicReader.header(r, "ce_id"))
                .endsWith(":" + TopicReader.header(r, "ce_type")));
    }

    @Test
    void cancellingTwiceIsHarmlessAndTheChildMaySignUpAgain() {
        String programme = createProgramme(api(), programme(2, 0));
        String parent = unique("p");
        String id = enrol(api(), programme, parent, "k1", enrollment("回头客", 5)).json().path("id").asString();

        assertThat(api().post("/api/enrollments/" + id + "/cancel", null).bearer(TestTokens.staff("s")).send()
                .json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(api().post("/api/enrollments/" + id + "/cancel", null).bearer(TestTokens.parent(parent)).send()
                .json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(api().get("/api/programmes/" + programme).send().json().path("seatsTaken").asInt()).isZero();
        assertThat(enrol(api(), programme, parent, "k1", enrollment("回头客", 5)).json().path("status").asString())
                .as("replay of the cancelled one").isEqualTo("CANCELLED");
        assertThat(enrol(api(), programme, parent, "k2", enrollment("回头客", 5)).status()).isEqualTo(201);
    }

    @Test
    void aParentSeesAndCancelsOnlyTheirOwnEnrollments() {
        String programme = createProgramme(api(), programme(5, 5));
        String owner = unique("owner");
        String other = unique("other");
        String id = enrol(api(), programme, owner, "k", enrollment(unique("孩子"), 1)).json().path("id").asString();

        assertThat(api().get("/api/enrollments/" + id).bearer(TestTokens.parent(other)).send().status()).isEqualTo(404);
        assertThat(api().post("/api/enrollments/" + id + "/cancel", null).bearer(TestTokens.parent(other)).send()
                .status()).isEqualTo(404);
        assertThat(api().get("/api/enrollments").bearer(TestTokens.parent(other)).send().json().size()).isZero();
        JsonNode mine = api().get("/api/enrollments").bearer(TestTokens.parent(owner)).send().json();
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).path("id").asString()).isEqualTo(id);
        assertThat(get(id, TestTokens.staff("s")).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(api().get("/api/enrollments/enr-000000000000000000000000").bearer(TestTokens.staff("s")).send()
                .status()).isEqualTo(404);
    }

    private JsonNode get(String id, String token) {
        ApiClient.Answer answer = api().get("/api/enrollments/" + id).bearer(token).send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
