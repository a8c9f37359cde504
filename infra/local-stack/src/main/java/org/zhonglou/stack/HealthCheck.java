package org.zhonglou.stack;

/** Answers whether a component is ready to serve; must return within a few seconds and never throw. */
@FunctionalInterface
public interface HealthCheck {

    boolean healthy();
}
