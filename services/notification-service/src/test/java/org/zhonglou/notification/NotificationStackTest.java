package org.zhonglou.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.zhonglou.testsupport.LocalStackTest;

/**
 * Every integration test of this service: real broker and store, the local profile (loopback
 * receivers allowed), GreenMail and the registration stand-in, a movable clock and short timings.
 * One annotation so that all test classes share a single application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notification.delivery.initial-backoff=PT0.2S",
        "notification.delivery.multiplier=1.5",
        "notification.delivery.max-backoff=PT1S",
        "notification.delivery.max-attempts=4",
        "notification.delivery.jitter=0.1",
        "notification.delivery.lease=PT10S",
        "notification.delivery.dispatch-interval=PT0.1S",
        "notification.webhooks.timeout=PT1S",
        "notification.webhooks.breaker-open-for=30s",
        "notification.reminders.sweep-interval=PT0.2S",
        "notification.stream.heartbeat=PT1S",
        "notification.parent.initial-backoff=PT0.2S",
        "notification.parent.max-backoff=PT1S",
        "notification.parent.dispatch-interval=PT0.2S",
        "resilience4j.circuitbreaker.instances.registration.wait-duration-in-open-state=1s"})
@LocalStackTest
@ActiveProfiles("local")
@ContextConfiguration(initializers = TestPeers.Initializer.class)
@Import(TestClock.Configuration.class)
public @interface NotificationStackTest {
}
