package org.zhonglou.support.devonly;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the local profile, fills every declared {@link DevOnlyValue} in under its variable's name, at the
 * lowest precedence: a real environment variable still wins, and {@code ${PII_ENCRYPTION_KEY:}} in
 * application.yml resolves to the dev value only when nothing else sets it. Runs after the config files
 * are read (they hold the declarations and may activate the profile).
 */
public class DevOnlyDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "zhonglou-dev-only-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!DevOnlyValue.devValuesAllowed(environment) || environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        DevOnlyValue.declared(environment).forEach(declared -> values.put(declared.variable(), declared.value()));
        if (!values.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, values));
        }
    }
}
