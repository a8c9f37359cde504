package org.zhonglou.registration;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestKeys;
import org.zhonglou.testsupport.TestIssuer;

/** Starts further instances of the service, as a second pod or a restarted process would be. */
final class Instances {

    private Instances() {
    }

    static ConfigurableApplicationContext start(String mongoUri, String brokers, Map<String, Object> extra) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "server.port", "0",
                "spring.mongodb.uri", mongoUri,
                "spring.cloud.stream.kafka.binder.brokers", brokers,
                "spring.cloud.stream.kafka.binder.replication-factor", "1",
                "spring.cloud.stream.kafka.binder.min-partition-count", "1",
                "zhonglou.security.jwt.issuer-uri", TestIssuer.shared().url(),
                "zhonglou.registration.internal-port", "0",
                "zhonglou.outbox.sweep-interval", "PT1S"));
        properties.putAll(TestKeys.variables());
        properties.putAll(extra);
        // As command-line arguments: they outrank every property source, as in a real start.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(RegistrationApplication.class).run(arguments);
    }

    static ApiClient api(ConfigurableApplicationContext context) {
        return ApiClient.localhost(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
