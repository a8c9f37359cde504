package org.zhonglou.notification.parent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.DueWork;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.delivery.Backoff;

/**
 * Sends parent notices: look the contact up, write the e-mail, mark it SENT. While registration or the
 * mail relay is away the notice stays PENDING with a later {@code nextAttemptAt} (no attempt limit:
 * nothing is dropped); the scheduled pass picks due notices with an atomic claim. Logs carry event and
 * enrollment ids only, never an address.
 */
@Component
class ParentNoticeWorker {

    private static final Logger log = LoggerFactory.getLogger(ParentNoticeWorker.class);
    private static final int BATCH = 100;

    private final ParentNoticeStore store;
    private final ContactClient contacts;
    private final JavaMailSender mail;
    private final Executor executor;
    private final Backoff backoff;
    private final Duration lease;
    private final String from;
    private final Clock clock;

    ParentNoticeWorker(ParentNoticeStore store, ContactClient contacts, JavaMailSender mail,
                       @Qualifier("sendExecutor") Executor executor, NotificationProperties properties, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.mail = mail;
        this.executor = executor;
        this.backoff = new Backoff(properties.parent().initialBackoff(), 2.0, properties.parent().maxBackoff(), 0.2);
        this.lease = properties.delivery().lease();
        this.from = properties.mail().from();
        this.clock = clock;
    }

    void attemptSoon(ParentNotice notice) {
        try {
            executor.execute(() -> attempt(notice));
        } catch (RejectedExecutionException e) {
            log.warn("Send queue full; parent notice {} waits for the next pass", notice.eventId());
        }
    }

    @Scheduled(fixedDelayString = "${notification.parent.dispatch-interval}")
    void dispatchDue() {
        DueWork.drain("Parent notice", BATCH, () -> store.claimDue(clock.instant(), lease), this::attemptSoon, log);
    }

    void attempt(ParentNotice notice) {
        try {
            Contact contact = contacts.lookup(notice.enrollmentId());
            ParentMessages.Message message = ParentMessages.of(notice, contact);
            if (message != null) {
                SimpleMailMessage email = new SimpleMailMessage();
                email.setFrom(from);
                email.setTo(contact.email());
                email.setSubject(message.subject());
                email.setText(message.text());
                mail.send(email);
            }
            store.finish(notice.eventId(), ParentNotice.State.SENT, null, clock.instant());
            log.info("Parent e-mail for event {} ({}) of enrollment {} sent", notice.eventId(), notice.eventType(),
                    notice.enrollmentId());
        } catch (ContactNotFoundException e) {
            store.finish(notice.eventId(), ParentNotice.State.FAILED, e.getMessage(), clock.instant());
            log.warn("Parent e-mail for event {} of enrollment {} not possible: {}", notice.eventId(),
                    notice.enrollmentId(), e.getMessage());
        } catch (MailException e) {
            retryLater(notice, "mail relay: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            retryLater(notice, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void retryLater(ParentNotice notice, String error) {
        Instant now = clock.instant();
        Instant next = now.plus(backoff.delayAfter(notice.attempts() + 1));
        try {
            store.retryAt(notice.eventId(), error, next, now);
        } catch (RuntimeException e) {
            log.warn("Parent notice {} not rescheduled; its lease expires and it is retried: {}", notice.eventId(),
                    e.toString());
        }
        log.info("Parent e-mail for event {} of enrollment {} waits until {}: {}", notice.eventId(),
                notice.enrollmentId(), next, error);
    }
}
