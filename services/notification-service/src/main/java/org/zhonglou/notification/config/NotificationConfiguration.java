package org.zhonglou.notification.config;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhonglou.support.security.ApiSecurityCustomizer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    /** Every time decision (quiet hours, backoff, reminders) reads this clock, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every notification API is for staff; the live stream and delivery log included. */
    @Bean
    ApiSecurityCustomizer staffOnly() {
        return http -> http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/api/**").hasRole("STAFF"));
    }

    /**
     * Sends run here, off the consumer and the dispatcher threads. Bounded: when it is full the work
     * stays claimed in the store and the dispatcher takes it again once the lease runs out.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor sendExecutor(NotificationProperties properties) {
        int workers = properties.delivery().workers();
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "notification-send-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
