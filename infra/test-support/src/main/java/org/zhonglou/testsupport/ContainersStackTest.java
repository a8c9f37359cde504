package org.zhonglou.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same wiring as {@link LocalStackTest} on production images: {@code apache/kafka} and
 * {@code mongo:8} as a replica set. Skipped, and reported as skipped, where no Docker engine runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testcontainers(disabledWithoutDocker = true)
public @interface ContainersStackTest {
}
