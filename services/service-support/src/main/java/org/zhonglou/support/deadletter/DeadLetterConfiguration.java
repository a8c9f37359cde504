package org.zhonglou.support.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Error handling of every consumer binding of a service: transient failures retried without end,
 * records that can never be processed parked on {@code <topic>.<group>.dlq}, counted and replayable.
 * A service must not define a {@link ListenerContainerCustomizer} of its own (the binder takes only one).
 */
@Configuration(proxyBeanMethods = false)
@Import(DeadLetterController.class)
public class DeadLetterConfiguration {

    @Bean
    KafkaClientSettings deadLetterClientSettings(Environment environment) {
        return new KafkaClientSettings(environment);
    }

    @Bean(destroyMethod = "destroy")
    DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducerFactory(KafkaClientSettings settings) {
        return new DefaultKafkaProducerFactory<>(settings.producer());
    }

    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterTemplate(DefaultKafkaProducerFactory<byte[], byte[]> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean(destroyMethod = "close")
    DeadLetterTopics deadLetterTopics(KafkaClientSettings settings) {
        return new DeadLetterTopics(settings);
    }

    @Bean(name = "deadLettersHealthIndicator")
    DeadLetters deadLetters(MeterRegistry meters, BindingServiceProperties bindings) {
        return new DeadLetters(meters, bindings);
    }

    @Bean
    DeadLetterReplay deadLetterReplay(KafkaClientSettings settings, KafkaTemplate<byte[], byte[]> deadLetterTemplate) {
        return new DeadLetterReplay(settings, deadLetterTemplate);
    }

    @Bean
    StoreProbe deadLetterStoreProbe(MongoTemplate mongo) {
        return new StoreProbe(mongo);
    }

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> deadLetterPolicy(DeadLetters deadLetters,
            DeadLetterTopics topics, KafkaTemplate<byte[], byte[]> deadLetterTemplate, StoreProbe storeReachable) {
        return (container, destination, group) -> {
            DeadLetters.Consumer consumer = deadLetters.register(destination, group);
            container.setCommonErrorHandler(new ClassifyingErrorHandler(consumer.name(),
                    new DeadLetterPublisher(deadLetterTemplate, topics, deadLetters, consumer), storeReachable));
            Thread creator = new Thread(() -> topics.tryEnsure(consumer.deadLetterTopic()), "dead-letter-topic");
            creator.setDaemon(true);
            creator.start();
        };
    }
}
