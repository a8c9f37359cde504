package org.zhonglou.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.zhonglou.contracts.Topics;

/**
 * Runs a Spring test against the real local parts: an in-process KRaft Kafka broker
 * ({@code @EmbeddedKafka}) and the MongoDB-protocol store over TCP on a free port, with the services'
 * connection, token-key and binder properties pointed at them. Tokens: {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EmbeddedKafka(partitions = 2, topics = {Topics.REGISTRATION_ENROLLMENTS, Topics.STATION_READINGS,
        Topics.STATION_ALERTS, Topics.STATION_COMMANDS})
public @interface LocalStackTest {
}
