package org.zhonglou.support.devonly;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service without the local profile while a declared {@link DevOnlyValue} is unset or
 * still the published value. A bean factory post-processor so that it runs before any bean reads a key,
 * yet after everything that adds properties to the environment (tests add theirs in initializers).
 */
public class DevOnlyGuard implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (DevOnlyValue.devValuesAllowed(environment)) {
            return;
        }
        List<String> problems = DevOnlyValue.problems(environment);
        if (!problems.isEmpty()) {
            throw new DevOnlyValueRefused(problems);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
