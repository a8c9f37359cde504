package org.zhonglou.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code zhonglou-defaults.yml} (broker, producer safety, health, logging) as the LOWEST-precedence
 * property source: every service shares the same sane defaults, and its own application.yml, the
 * environment variables and test properties all still override them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    private static final String FILE = "zhonglou-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(FILE, new ClassPathResource(FILE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }
}
