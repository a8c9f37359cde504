package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.registration.EnrollmentEvent;
import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.contracts.station.Severity;

class ParentEmailIT extends NotificationScenario {

    private final RegistrationStandIn registration = TestPeers.registration();

    @Autowired
    MongoTemplate mongo;

    @Test
    void aConfirmedChildsGuardianGetsAChineseEmailOnceEvenIfTheEventComesTwice() throws Exception {
        String enrollment = "enr-" + UUID.randomUUID();
        String address = "guardian-" + UUID.randomUUID() + "@family.example";
        registration.contact(enrollment, "王芳", address, "zh");
        CloudEvent<EnrollmentEvent> event = enrollmentEvent(EventTypes.ENROLLMENT_CONFIRMED, enrollment,
                EnrollmentStatus.CONFIRMED, null);

        publisher.publish(Topics.REGISTRATION_ENROLLMENTS, event);
        publisher.publish(Topics.REGISTRATION_ENROLLMENTS, event);

        await().atMost(Duration.ofSeconds(10)).until(() -> to(address).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> to(address).size() == 1);
        MimeMessage message = to(address).get(0);
        assertThat(message.getSubject()).isEqualTo("报名成功：名额已确认");
        assertThat((String) message.getContent()).contains("王芳您好").contains(enrollment);
        assertThat(message.getMessageID()).as("derived from the event, so a re-sent copy is the same message")
                .isEqualTo("<" + event.id().replace(':', '.') + "@notification.zhonglou.example>");
    }

    @Test
    void anEnglishSpeakingGuardianGetsTheWaitlistPositionInEnglish() throws Exception {
        String enrollment = "enr-" + UUID.randomUUID();
        String address = "guardian-" + UUID.randomUUID() + "@family.example";
        registration.contact(enrollment, "Li Wei", address, "en");

        publisher.publish(Topics.REGISTRATION_ENROLLMENTS,
                enrollmentEvent(EventTypes.ENROLLMENT_WAITLISTED, enrollment, EnrollmentStatus.WAITLISTED, 3));

        await().atMost(Duration.ofSeconds(10)).until(() -> to(address).size() == 1);
        assertThat(to(address).get(0).getSubject()).isEqualTo("On the waitlist (position 3)");
        assertThat((String) to(address).get(0).getContent()).contains("Dear Li Wei").contains("position 3");
    }

    @Test
    void whileRegistrationIsDownTheEmailWaitsAndGoesOutWhenItIsBack() throws Exception {
        String enrollment = "enr-" + UUID.randomUUID();
        String address = "guardian-" + UUID.randomUUID() + "@family.example";
        registration.contact(enrollment, "张伟", address, "zh");
        CloudEvent<EnrollmentEvent> event = enrollmentEvent(EventTypes.ENROLLMENT_PROMOTED, enrollment,
                EnrollmentStatus.CONFIRMED, null);
        registration.stop();
        try {
            publisher.publish(Topics.REGISTRATION_ENROLLMENTS, event);
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(event.id()) >= 2);
            assertThat(notice(event.id()).getString("state")).isEqualTo("PENDING");
            assertThat(to(address)).isEmpty();
        } finally {
            registration.start();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> to(address).size() == 1);
        assertThat(to(address).get(0).getSubject()).isEqualTo("候补转正：名额已确认");
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(notice(event.id()).getString("state")));
        assertThat(notice(event.id()).toJson()).doesNotContain(address).doesNotContain("13800000000");
    }

    @Test
    void aBurstOfEventsIsLookedUpAndMailedInBatches() {
        List<String> addresses = new java.util.ArrayList<>();
        List<String> eventIds = new java.util.ArrayList<>();
        int callsBefore = registration.calls();
        registration.hold();
        try {
            for (int i = 0; i < 30; i++) {
                String enrollment = "enr-" + UUID.randomUUID();
                String address = "guardian-" + UUID.randomUUID() + "@family.example";
                registration.contact(enrollment, "家长" + i, address, "zh");
                addresses.add(address);
                CloudEvent<EnrollmentEvent> event = enrollmentEvent(EventTypes.ENROLLMENT_CONFIRMED, enrollment,
                        EnrollmentStatus.CONFIRMED, null);
                eventIds.add(event.id());
                publisher.publish(Topics.REGISTRATION_ENROLLMENTS, event);
            }
            // Registration is busy with the first look-up while all 30 notices arrive.
            await().atMost(Duration.ofSeconds(10)).until(() -> eventIds.stream().allMatch(id -> notice(id) != null));
        } finally {
            registration.answer();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> addresses.stream().allMatch(a -> to(a).size() == 1));
        assertThat(registration.calls() - callsBefore).as("contact look-ups for 30 events").isLessThanOrEqualTo(2);
    }

    @Test
    void anEnrollmentRegistrationDoesNotKnowIsMarkedFailedWithoutEmail() {
        CloudEvent<EnrollmentEvent> event = enrollmentEvent(EventTypes.ENROLLMENT_CANCELLED, "enr-unknown-"
                + UUID.randomUUID(), EnrollmentStatus.CANCELLED, null);

        publisher.publish(Topics.REGISTRATION_ENROLLMENTS, event);

        await().atMost(Duration.ofSeconds(10)).until(() -> notice(event.id()) != null
                && "FAILED".equals(notice(event.id()).getString("state")));
    }

    @Test
    void aStaffEmailSubscriptionReceivesAlertsByMail() throws Exception {
        String station = Alerts.station();
        String address = "duty-" + UUID.randomUUID() + "@zhonglou.example";
        subscribe("staff-m1", "EMAIL", address, station, "MAJOR", false, null);

        publishAlert(Alerts.raised(station, "alr-mail", Severity.CRITICAL));

        await().atMost(Duration.ofSeconds(10)).until(() -> to(address).size() == 1);
        assertThat(to(address).get(0).getSubject()).contains("CRITICAL").contains(station).contains("alr-mail");
    }

    private static CloudEvent<EnrollmentEvent> enrollmentEvent(String type, String enrollment, EnrollmentStatus status,
                                                               Integer position) {
        Instant now = Instant.now();
        return new CloudEvent<>(UUID.randomUUID().toString(), type, "/zhonglou/registration-service",
                "taiying-summer-2024", now, new EnrollmentEvent(enrollment, "taiying-summer-2024", "parent-1",
                status, position, now));
    }

    private List<MimeMessage> to(String address) {
        return TestPeers.mailsTo(address);
    }

    private Document notice(String eventId) {
        return mongo.findById(eventId, Document.class, "parent_notices");
    }

    private int attempts(String eventId) {
        Document notice = notice(eventId);
        return notice == null ? 0 : notice.getInteger("attempts", 0);
    }
}
