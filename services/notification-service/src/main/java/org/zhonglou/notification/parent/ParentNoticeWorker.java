package org.zhonglou.notification.parent;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.delivery.Backoff;
import org.zhonglou.notification.scheduling.DueWork;
import org.zhonglou.notification.scheduling.UnwrittenOutcomes;

/**
 * Sends parent notices: look the contacts up, write the e-mails, mark them SENT. Notices go out in
 * batches on one thread of their own: a sign-up rush produces hundreds of events within seconds, and
 * one contact look-up, one SMTP connection and one store write per batch instead of per notice keep
 * that burst from competing with the sign-ups themselves, and with staff alerts (which have their own
 * workers). While registration or the mail relay is away a notice stays PENDING with a later
 * {@code nextAttemptAt} (no attempt limit: nothing is dropped); the scheduled pass picks due notices
 * with an atomic claim. Logs carry event and enrollment ids only, never an address.
 */
@Component
class ParentNoticeWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ParentNoticeWorker.class);
    private static final int CLAIM_BATCH = 100;
    /** Notices per look-up and per SMTP connection; registration answers up to 100 ids per call. */
    static final int SEND_BATCH = 50;

    private final ParentNotices store;
    private final ContactClient contacts;
    private final JavaMailSender mail;
    private final Backoff backoff;
    private final Duration lease;
    private final String from;
    private final Clock clock;
    /** Bounded: beyond it a notice stays claimed in the store and is taken again when its lease runs out. */
    private final BlockingQueue<ParentNotice> ready = new ArrayBlockingQueue<>(5_000);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final UnwrittenOutcomes unwritten = new UnwrittenOutcomes("Parent notice");
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parent-mail");
        thread.setDaemon(true);
        return thread;
    });

    ParentNoticeWorker(ParentNotices store, ContactClient contacts, JavaMailSender mail,
                       NotificationProperties properties, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.mail = mail;
        this.backoff = new Backoff(properties.parent().initialBackoff(), 2.0, properties.parent().maxBackoff(), 0.2);
        this.lease = properties.delivery().lease();
        this.from = properties.mail().from();
        this.clock = clock;
    }

    /** Queues a claimed notice for the sending thread; never blocks the caller. */
    void attemptSoon(ParentNotice notice) {
        if (!ready.offer(notice)) {
            log.warn("Parent mail queue full; notice {} waits for its lease to run out", notice.eventId());
            return;
        }
        if (draining.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                log.debug("Parent mail sender stopped; notice {} waits for the next start", notice.eventId());
            }
        }
    }

    @Scheduled(fixedDelayString = "${notification.parent.dispatch-interval}")
    void dispatchDue() {
        if (!unwritten.flush()) {
            return;
        }
        Instant now = clock.instant();
        DueWork.drain("Parent notice", CLAIM_BATCH, store.schedule(), now, () -> store.claimDue(now, lease),
                this::attemptSoon, log);
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }

    private void drain() {
        while (true) {
            List<ParentNotice> batch = new ArrayList<>(SEND_BATCH);
            ready.drainTo(batch, SEND_BATCH);
            if (batch.isEmpty()) {
                draining.set(false);
                // A notice queued after drainTo but before the flag was cleared would otherwise wait.
                if (ready.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                attempt(batch);
            } catch (RuntimeException e) {
                log.warn("Parent mail batch failed; its notices are retried when their leases run out: {}", e.toString());
            }
        }
    }

    /** One look-up, one SMTP connection, and one store write per outcome for the whole batch. */
    void attempt(List<ParentNotice> claimed) {
        List<ParentNotice> batch = claimed.stream().filter(notice -> !unwritten.holds(notice.eventId())).toList();
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Contact> known;
        try {
            known = contacts.lookupAll(batch.stream().map(ParentNotice::enrollmentId).distinct().toList());
        } catch (RuntimeException e) {
            batch.forEach(notice -> retryLater(notice, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return;
        }
        // MimeMessage has identity equality, which is what the failures reported by the sender are keyed on.
        Map<MimeMessage, ParentNotice> emails = new LinkedHashMap<>();
        List<String> done = new ArrayList<>();
        for (ParentNotice notice : batch) {
            Contact contact = known.get(notice.enrollmentId());
            if (contact == null || contact.email() == null || contact.email().isBlank()) {
                fail(notice, contact == null ? "registration does not know the enrollment" : "no e-mail address on file");
                continue;
            }
            ParentMessages.Message message = ParentMessages.of(notice, contact);
            if (message == null) {
                done.add(notice.eventId());
                continue;
            }
            try {
                emails.put(email(notice, contact, message), notice);
            } catch (MessagingException e) {
                fail(notice, "the e-mail could not be written: " + e.getClass().getSimpleName());
            }
        }
        Map<Object, Exception> failed = send(emails);
        emails.forEach((email, notice) -> {
            Exception failure = failed.get(email);
            if (failure == null) {
                done.add(notice.eventId());
                log.info("Parent e-mail for event {} ({}) of enrollment {} sent", notice.eventId(),
                        notice.eventType(), notice.enrollmentId());
            } else {
                retryLater(notice, "mail relay: " + failure.getClass().getSimpleName());
            }
        });
        if (!done.isEmpty()) {
            Instant now = clock.instant();
            unwritten.write(done, () -> store.finishAll(done, ParentNotice.State.SENT, null, now));
        }
    }

    /**
     * The Message-ID is derived from the event, so a copy sent again after a crash between sending a
     * batch and marking it sent (at-least-once) is recognisably the same message to mail systems.
     */
    private MimeMessage email(ParentNotice notice, Contact contact, ParentMessages.Message message)
            throws MessagingException {
        MimeMessage email = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(email, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(contact.email());
        helper.setSubject(message.subject());
        helper.setText(message.text());
        email.setHeader("Message-ID", messageId(notice.eventId()));
        return email;
    }

    static String messageId(String eventId) {
        return "<" + eventId.replaceAll("[^A-Za-z0-9.-]", ".") + "@notification.zhonglou.example>";
    }

    /** The messages that were not sent, each with why; all of them when the relay could not be reached. */
    private Map<Object, Exception> send(Map<MimeMessage, ParentNotice> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        try {
            mail.send(emails.keySet().toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException e) {
            if (!e.getFailedMessages().isEmpty()) {
                return e.getFailedMessages();
            }
            return allFailed(emails, e);
        } catch (MailException e) {
            return allFailed(emails, e);
        }
    }

    private static Map<Object, Exception> allFailed(Map<MimeMessage, ParentNotice> emails, Exception e) {
        Map<Object, Exception> failed = new LinkedHashMap<>();
        emails.keySet().forEach(email -> failed.put(email, e));
        return failed;
    }

    private void fail(ParentNotice notice, String why) {
        store.finishAll(List.of(notice.eventId()), ParentNotice.State.FAILED, why, clock.instant());
        log.warn("Parent e-mail for event {} of enrollment {} not possible: {}", notice.eventId(),
                notice.enrollmentId(), why);
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
