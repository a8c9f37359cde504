package org.zhonglou.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** What counts as a web adapter: the classes allowed to speak HTTP (and to use support.web). */
final class WebAdapters {

    /** REST controllers, by annotation or, for one written without it, by name. */
    static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe("controllers",
            javaClass -> isController(outermost(javaClass)));

    /** Controllers, controller advice, servlet filters, and the security and configuration wiring them. */
    static final DescribedPredicate<JavaClass> ALL = DescribedPredicate.describe(
            "web adapters (controllers, advice, filters, security and configuration)",
            javaClass -> isAdapter(outermost(javaClass)));

    private WebAdapters() {
    }

    private static boolean isController(JavaClass javaClass) {
        return javaClass.isMetaAnnotatedWith("org.springframework.stereotype.Controller")
                || javaClass.getSimpleName().endsWith("Controller");
    }

    private static boolean isAdapter(JavaClass javaClass) {
        return isController(javaClass)
                || javaClass.isMetaAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
                || javaClass.isAssignableTo("jakarta.servlet.Filter")
                || javaClass.isMetaAnnotatedWith("org.springframework.context.annotation.Configuration")
                || (javaClass.getPackageName() + ".").contains(".security.");
    }

    /** Nested records and lambdas belong to the adapter they are declared in. */
    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
