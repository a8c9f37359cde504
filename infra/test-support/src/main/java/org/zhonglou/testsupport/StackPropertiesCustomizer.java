package org.zhonglou.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the stack's connection properties with the highest precedence. Equal for every test of the same
 * stack kind, so Spring's context cache shares one application context between them.
 */
final class StackPropertiesCustomizer implements ContextCustomizer {

    private final Supplier<Map<String, Object>> connection;

    StackPropertiesCustomizer(Supplier<Map<String, Object>> connection) {
        this.connection = connection;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        Map<String, Object> properties = new HashMap<>(connection.get());
        properties.put("zhonglou.security.jwt.issuer-uri", TestIssuer.shared().url());
        // Registration's internal connector on a free port (tests read it as local.internal.port).
        properties.put("zhonglou.registration.internal-port", "0");
        properties.put("spring.cloud.stream.kafka.binder.replication-factor", "1");
        properties.put("spring.cloud.stream.kafka.binder.min-partition-count", "1");
        properties.put("zhonglou.outbox.sweep-interval", "PT1S");
        properties.putAll(TestKeys.variables());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("zhonglou-test-stack", properties));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StackPropertiesCustomizer that
                && connection.get().keySet().equals(that.connection.get().keySet());
    }

    @Override
    public int hashCode() {
        return StackPropertiesCustomizer.class.hashCode();
    }
}
