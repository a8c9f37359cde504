package org.zhonglou.support.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the Kafka cluster answers, as {@code kafka} in {@code /actuator/health}. The binder's
 * own indicator only exists once a binding is in use; this one is there from start-up and answers
 * within its timeout when the broker is away.
 */
public class KafkaBrokerHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final AdminClient admin;
    private final Duration timeout;

    /** {@code connection}: brokers and login, {@link org.zhonglou.support.kafka.KafkaClients#connection}. */
    public KafkaBrokerHealthIndicator(Map<String, Object> connection, Duration timeout) {
        super("Kafka health check failed");
        this.timeout = timeout;
        int millis = (int) timeout.toMillis();
        Map<String, Object> config = new HashMap<>(connection);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = AdminClient.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("brokers", nodes);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
