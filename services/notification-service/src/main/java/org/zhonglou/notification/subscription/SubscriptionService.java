package org.zhonglou.notification.subscription;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.zhonglou.notification.subscription.SubscriptionController.QuietHoursBody;
import org.zhonglou.notification.subscription.SubscriptionController.SubscriptionRequest;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.refusal.Refusal;

@Service
class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    private final Subscriptions store;
    private final TargetGuard guard;
    private final SecretCipher cipher;
    private final Clock clock;
    private final int maxPerStaff;

    public SubscriptionService(Subscriptions store, TargetGuard guard, SecretCipher cipher, Clock clock,
                               @Value("${notification.subscriptions.max-per-staff}") int maxPerStaff) {
        this.store = store;
        this.guard = guard;
        this.cipher = cipher;
        this.clock = clock;
        this.maxPerStaff = maxPerStaff;
    }

    /** A new subscription and, for webhooks, its plain signing secret (the only time it is visible). */
    public Created create(String owner, SubscriptionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String targetProblem = guard.problem(request.channel(), request.target());
        if (targetProblem != null) {
            problems.add(new FieldProblem("target", targetProblem));
        }
        Subscription.QuietHoursDocument quietHours = quietHours(request.quietHours(), problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The subscription has invalid fields.", problems);
        }
        // Every subscription is matched against every alert and may fan out to a webhook or a mailbox:
        // one account (or a leaked staff token) must not multiply that without bound.
        if (store.countByOwner(owner) >= maxPerStaff) {
            throw Refusal.conflict("subscription-limit", "Too many subscriptions",
                    "You already have " + maxPerStaff + " subscriptions, the limit per staff member; delete one "
                            + "first.");
        }
        String secret = request.channel() == Channel.WEBHOOK ? cipher.newSecret() : null;
        Subscription subscription = store.insert(new Subscription(UUID.randomUUID().toString(), owner,
                request.channel(), request.target().strip(),
                request.stationIds() == null ? List.of() : List.copyOf(request.stationIds()),
                request.minSeverity(), Boolean.TRUE.equals(request.includeResolved()), quietHours,
                secret == null ? null : cipher.encrypt(secret), clock.instant()));
        log.info("Subscription {} created ({}) by {}", subscription.id(), subscription.channel(), owner);
        return new Created(subscription, secret);
    }

    public record Created(Subscription subscription, String signingSecret) {
    }

    private static Subscription.QuietHoursDocument quietHours(QuietHoursBody body, List<FieldProblem> problems) {
        if (body == null) {
            return null;
        }
        int before = problems.size();
        LocalTime start = time(body.start(), "quietHours.start", problems);
        LocalTime end = time(body.end(), "quietHours.end", problems);
        try {
            ZoneId.of(body.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            problems.add(new FieldProblem("quietHours.timeZone", "must be an IANA time zone, e.g. Asia/Shanghai"));
        }
        if (start != null && start.equals(end)) {
            problems.add(new FieldProblem("quietHours.end", "must differ from start"));
        }
        return problems.size() > before ? null
                : new Subscription.QuietHoursDocument(start.toString(), end.toString(), body.timeZone());
    }

    private static LocalTime time(String value, String field, List<FieldProblem> problems) {
        if (value == null || !value.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            problems.add(new FieldProblem(field, "must be a time HH:mm"));
            return null;
        }
        return LocalTime.parse(value);
    }
}
