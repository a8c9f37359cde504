package org.zhonglou.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points a test's application context at the stack its annotation asks for. Registered in
 * {@code META-INF/spring.factories}, so a service test needs only the annotation.
 */
public class StackContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        MergedAnnotations annotations = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY);
        // Containers first: a ContainersIT may extend a local scenario class and inherit its annotation.
        if (annotations.isPresent(ContainersStackTest.class)) {
            return new StackPropertiesCustomizer(ContainerStack::properties);
        }
        if (annotations.isPresent(LocalStackTest.class)) {
            return new StackPropertiesCustomizer(() -> Map.of(
                    "spring.mongodb.uri", LocalMongo.shared().uri("it"),
                    "spring.cloud.stream.kafka.binder.brokers", "${spring.embedded.kafka.brokers}"));
        }
        return null;
    }
}
