package org.zhonglou.notification.parent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.registration.EnrollmentEvent;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.support.bounds.TimeBounds;
import org.zhonglou.support.messaging.PoisonRecordException;
import org.zhonglou.support.messaging.ReceivedEvents;

/**
 * {@code registration.enrollments.v1}, group {@code notification-service}: records a parent notice per
 * event (id = event id, so a redelivery adds nothing) claimed by this instance, then sends it at once. A
 * store outage is retried until it ends; an event that can never be handled goes to
 * {@code registration.enrollments.v1.notification-service.dlq} (service-support's dead-letter policy).
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentEventsConsumer.class);
    private static final int MAX_ID = 256;
    static final Set<String> NOTIFIED = Set.of(EventTypes.ENROLLMENT_CONFIRMED, EventTypes.ENROLLMENT_WAITLISTED,
            EventTypes.ENROLLMENT_PROMOTED, EventTypes.ENROLLMENT_CANCELLED);

    @Bean
    Consumer<Message<byte[]>> enrollmentEvents(ParentNotices store, ParentNoticeWorker worker,
            NotificationProperties properties, Clock clock) {
        Duration lease = properties.delivery().lease();
        return message -> {
            CloudEvent<EnrollmentEvent> event = ReceivedEvents.read(message, EnrollmentEvent.class);
            if (!NOTIFIED.contains(event.type())) {
                log.debug("Enrollment event {} of type {} needs no e-mail", event.id(), event.type());
                return;
            }
            EnrollmentEvent data = event.data();
            String problem = problem(data);
            if (problem != null) {
                throw new PoisonRecordException("Event " + event.id() + " (" + event.type() + "): " + problem);
            }
            Instant now = clock.instant();
            ParentNotice notice = new ParentNotice(event.id(), event.type(), data.enrollmentId(), data.programmeId(),
                    data.waitlistPosition(), ParentNotice.State.PENDING, 0, null, now, now.plus(lease), now, null);
            if (store.insertIfNew(notice)) {
                worker.attemptSoon(notice);
            } else {
                log.debug("Enrollment event {} already recorded; skipped", event.id());
            }
        };
    }

    /** Null when every field this consumer relies on is there and sane. */
    static String problem(EnrollmentEvent enrollment) {
        if (blank(enrollment.enrollmentId()) || blank(enrollment.programmeId())) {
            return "enrollmentId and programmeId are required (at most " + MAX_ID + " characters)";
        }
        if (enrollment.waitlistPosition() != null && enrollment.waitlistPosition() < 1) {
            return "waitlistPosition must be at least 1";
        }
        return TimeBounds.contains(enrollment.occurredAt()) ? null : "occurredAt " + enrollment.occurredAt() + " "
                + TimeBounds.MESSAGE;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank() || value.length() > MAX_ID;
    }
}
