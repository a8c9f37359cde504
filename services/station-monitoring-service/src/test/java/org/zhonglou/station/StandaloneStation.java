package org.zhonglou.station;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhonglou.testsupport.LocalMongo;
import org.zhonglou.testsupport.RestartableKafka;
import org.zhonglou.testsupport.TestIssuer;

/**
 * The service started on its own against a store and a broker the test can take away and bring back
 * (the shared test context's parts must never go down under other tests).
 */
public final class StandaloneStation {

    private StandaloneStation() {
    }

    public static ConfigurableApplicationContext start(LocalMongo store, RestartableKafka kafka, String database) {
        return start(store, kafka, database, Map.of());
    }

    /** {@code environment}: more variables, e.g. the broker login {@link RestartableKafka#serviceEnvironment}. */
    public static ConfigurableApplicationContext start(LocalMongo store, RestartableKafka kafka, String database,
            Map<String, String> environment) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "spring.mongodb.uri", store.uri(database),
                "spring.cloud.stream.kafka.binder.brokers", kafka.brokers(),
                "spring.cloud.stream.kafka.binder.replication-factor", "1",
                "spring.cloud.stream.kafka.binder.min-partition-count", "1",
                "zhonglou.security.jwt.issuer-uri", TestIssuer.shared().url()));
        properties.putAll(environment);
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(StationMonitoringApplication.class).run(arguments);
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
