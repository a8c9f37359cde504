package org.zhonglou.support;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.zhonglou.support.deadletter.DeadLetterConfiguration;
import org.zhonglou.support.devonly.DevOnlyGuard;
import org.zhonglou.support.health.KafkaBrokerHealthIndicator;
import org.zhonglou.support.health.StoreHealthIndicator;
import org.zhonglou.support.kafka.KafkaClients;
import org.zhonglou.support.keys.KeyRotationConfiguration;
import org.zhonglou.support.messaging.CloudEventPublisher;
import org.zhonglou.support.outbox.OutboxCollections;
import org.zhonglou.support.outbox.OutboxRelay;
import org.zhonglou.support.security.SecurityConfiguration;
import org.zhonglou.support.web.ApiExceptionHandler;
import org.zhonglou.support.web.RequestSizeLimitFilter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the shared pieces into every service that has this module on its classpath. Runs before Boot's
 * security auto-configuration so that its fallback filter chain and user store back off.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration"})
@EnableScheduling
@Import({SecurityConfiguration.class, ApiExceptionHandler.class, KeyRotationConfiguration.class,
        DeadLetterConfiguration.class})
public class ServiceSupportAutoConfiguration {

    /** Dev-only keys and secrets are refused outside the local profile (see {@link DevOnlyGuard}). */
    @Bean
    static DevOnlyGuard devOnlyGuard() {
        return new DevOnlyGuard();
    }

    /** Unknown fields are refused (no mass assignment); numbers are not silently truncated or nulled. */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * A store that is down must answer in seconds (503), not after the driver's 30-second default. The
     * pool keeps a few connections open and may open several at once: a sign-up rush starts with a
     * burst, and the driver's defaults (none kept, two opening at a time) queued it behind connection
     * set-up.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer failFastMongo(
            @Value("${zhonglou.mongo.timeout-ms:2000}") int timeoutMs) {
        return settings -> settings
                .applyToConnectionPoolSettings(pool -> pool.minSize(8).maxConnecting(8))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                        .readTimeout(10 * timeoutMs, TimeUnit.MILLISECONDS));
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${zhonglou.web.max-request-bytes:1048576}") long maxBytes, JsonMapper jsonMapper) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes, jsonMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    StoreHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }

    @Bean(name = "kafkaHealthIndicator", destroyMethod = "close")
    KafkaBrokerHealthIndicator kafkaHealthIndicator(Environment environment) {
        return new KafkaBrokerHealthIndicator(KafkaClients.connection(environment), Duration.ofSeconds(3));
    }

    @Bean
    @ConditionalOnMissingBean
    CloudEventPublisher cloudEventPublisher(StreamBridge streamBridge,
            @Value("${spring.application.name}") String applicationName) {
        return new CloudEventPublisher(streamBridge, "/zhonglou/" + applicationName);
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnBean(OutboxCollections.class)
    OutboxRelay outboxRelay(MongoTemplate mongo, CloudEventPublisher publisher, OutboxCollections collections) {
        return new OutboxRelay(mongo, publisher, collections.names());
    }

    @Bean
    OpenAPI apiSecuritySchemes(@Value("${spring.application.name}") String applicationName) {
        return new OpenAPI()
                .info(new io.swagger.v3.oas.models.info.Info().title("Zhonglou " + applicationName).version("v1"))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes("deviceKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Device-Key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
