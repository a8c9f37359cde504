package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhonglou.registration.Samples.*;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.registration.EnrollmentEvent;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

abstract class PrivacyScenarios extends StackScenarios {

    @Test
    void personalDataIsEncryptedInTheStoreAndAbsentFromEvents() {
        String programme = createProgramme(api(), programme(1, 1));
        String child = unique("欧阳小明");
        ApiClient.Answer created = enrol(api(), programme, unique("p"), "k", enrollment(child, 42));
        String id = created.json().path("id").asString();
        String born = created.json().path("child").path("dateOfBirth").asString();

        String stored = mongo.findById(id, Document.class, "enrollments").toJson();
        assertThat(stored).doesNotContain(child, born, "parent42@example.cn", "13900000042", "家长42");
        String ledger = mongo.findById(programme, Document.class, "programmes").toJson();
        assertThat(ledger).doesNotContain(child, born, "parent42@example.cn");

        List<ConsumerRecord<String, byte[]>> events = Events.ofProgramme(brokers, programme, 1);
        String payload = new String(events.get(0).value(), StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain(child, born, "parent42", "13900000042");
        EnrollmentEvent event = EventCodec.decode(events.get(0).value(), EnrollmentEvent.class);
        assertThat(event.enrollmentId()).isEqualTo(id);
        assertThat(event.programmeId()).isEqualTo(programme);
        assertThat(events.get(0).key()).isEqualTo(programme);
        assertThat(new String(events.get(0).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(id + ":EnrollmentConfirmed");
    }

    @Test
    void theNotificationServiceLooksUpContactsWithTheServiceRoleOnly() {
        String programme = createProgramme(api(), programme(3, 0));
        Map<String, Object> english = new HashMap<>(enrollment(unique("Tom"), 9));
        english.put("guardian", Map.of("fullName", "Mary", "phone", "+8613900000009", "email", "mary@example.cn",
                "language", "en"));
        String parent = unique("p");
        String zhId = enrol(api(), programme, parent, "k1", enrollment(unique("小芳"), 8)).json().path("id").asString();
        String enId = enrol(api(), programme, parent, "k2", english).json().path("id").asString();

        JsonNode contact = internalApi().get("/internal/enrollments/" + enId + "/contact").bearer(TestTokens.service()).send()
                .json();
        assertThat(contact.path("enrollmentId").asString()).isEqualTo(enId);
        assertThat(contact.path("guardianId").asString()).isEqualTo(parent);
        assertThat(contact.path("guardianName").asString()).isEqualTo("Mary");
        assertThat(contact.path("email").asString()).isEqualTo("mary@example.cn");
        assertThat(contact.path("phone").asString()).isEqualTo("+8613900000009");
        assertThat(contact.path("language").asString()).isEqualTo("en");
        assertThat(internalApi().get("/internal/enrollments/" + zhId + "/contact").bearer(TestTokens.service()).send()
                .json().path("language").asString()).isEqualTo("zh");
        assertThat(internalApi().get("/internal/enrollments/enr-unknown/contact").bearer(TestTokens.service()).send()
                .status()).isEqualTo(404);
        assertThat(internalApi().get("/internal/enrollments/" + enId + "/contact").bearer(TestTokens.parent(parent)).send()
                .status()).isEqualTo(403);
        assertThat(internalApi().get("/internal/enrollments/" + enId + "/contact").bearer(TestTokens.staff("s")).send()
                .status()).isEqualTo(403);
    }

    @Test
    void internalCallsAreServedOnTheInternalPortOnly() {
        String programme = createProgramme(api(), programme(3, 0));
        String id = enrol(api(), programme, unique("p"), "k1", enrollment(unique("小芳"), 8)).json().path("id").asString();

        ApiClient.Answer publicPort = api().get("/internal/enrollments/" + id + "/contact").bearer(TestTokens.service())
                .send();
        assertThat(publicPort.status()).isEqualTo(404);
        assertThat(publicPort.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api().get("/%69nternal/enrollments/" + id + "/contact").bearer(TestTokens.service()).send()
                .status()).isEqualTo(404);
        assertThat(internalApi().get("/api/programmes/" + programme).send().status()).isEqualTo(404);
        assertThat(internalApi().get("/internal/enrollments/" + id + "/contact").bearer(TestTokens.service()).send()
                .status()).isEqualTo(200);
    }

    @Test
    void contactsOfManyEnrollmentsComeInOneCallAndUnknownIdsAreLeftOut() {
        String first = createProgramme(api(), programme(1, 1));
        String second = createProgramme(api(), programme(1, 0));
        String parent = unique("p");
        String confirmed = enrol(api(), first, parent, "k1", enrollment(unique("小明"), 8)).json().path("id").asString();
        String waitlisted = enrol(api(), first, parent, "k2", enrollment(unique("小红"), 8)).json().path("id").asString();
        String elsewhere = enrol(api(), second, parent, "k3", enrollment(unique("小刚"), 8)).json().path("id").asString();
        int refused = enrol(api(), second, unique("p"), "k4", enrollment(unique("小丽"), 8)).status();

        JsonNode answer = internalApi().post("/internal/enrollments/contacts",
                        Map.of("enrollmentIds", List.of(confirmed, waitlisted, elsewhere, "enr-0000000000", "enr-1.x")))
                .bearer(TestTokens.service()).send().json();

        assertThat(refused).isEqualTo(409);
        assertThat(answer.path("contacts").valueStream().map(c -> c.path("enrollmentId").asString()))
                .containsExactlyInAnyOrder(confirmed, waitlisted, elsewhere);
        assertThat(answer.path("contacts").valueStream().map(c -> c.path("guardianId").asString()))
                .containsOnly(parent);
        assertThat(internalApi().post("/internal/enrollments/contacts", Map.of("enrollmentIds", List.of()))
                .bearer(TestTokens.service()).send().status()).isEqualTo(400);
        assertThat(internalApi().post("/internal/enrollments/contacts", Map.of("enrollmentIds", List.of(confirmed)))
                .bearer(TestTokens.parent(parent)).send().status()).isEqualTo(403);
    }

    @Test
    void thePurgeRemovesPersonalDataOfLongEndedProgrammesAndKeepsCounts() {
        Map<String, Object> old = programme(2, 2);
        old.put("startDate", "2023-07-08");
        old.put("endDate", "2023-08-16");
        String ended = createProgramme(api(), old);
        String current = createProgramme(api(), programme(2, 2));
        String oldId = enrol(api(), ended, unique("p"), "k", oldChild()).json().path("id").asString();
        String currentId = enrol(api(), current, unique("p"), "k", enrollment(unique("今年"), 3)).json().path("id")
                .asString();

        assertThat(api().post("/api/admin/purge-personal-data", null).bearer(TestTokens.parent("p")).send().status())
                .isEqualTo(403);
        ApiClient.Answer report = api().post("/api/admin/purge-personal-data", null).bearer(TestTokens.staff("s")).send();

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("enrollmentsDeleted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(mongo.findById(oldId, Document.class, "enrollments")).isNull();
        assertThat(mongo.findById(currentId, Document.class, "enrollments")).isNotNull();
        assertThat(api().get("/api/enrollments/" + oldId).bearer(TestTokens.staff("s")).send().status()).isEqualTo(404);
        assertThat(api().get("/api/programmes/" + ended).send().json().path("seatsTaken").asInt()).isEqualTo(1);
        Document ledger = mongo.findById(ended, Document.class, "programmes");
        assertThat(ledger.get("children", Document.class)).isEmpty();
        assertThat(ledger.get("guardians", Document.class)).isEmpty();
        assertThat(ledger.get("finalCounts", Document.class).getInteger("confirmed")).isEqualTo(1);
    }

    private static Map<String, Object> oldChild() {
        Map<String, Object> body = new HashMap<>(enrollment("去年", 1));
        body.put("child", Map.of("fullName", unique("去年"), "dateOfBirth", "2015-01-01"));
        return body;
    }
}
