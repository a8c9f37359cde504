package org.zhonglou.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link ArchitectureRules}, held to the production classes of every module. The classes
 * are read from each module's target/classes (and target/test-classes, which only count as users of a
 * feature's API), so the modules must be compiled first: {@code ./mvnw verify} and {@code -am} do that.
 */
class ArchitectureTest {

    /** Every module with code; a new module belongs here (docs/architecture.md, "Recipe: add a service"). */
    static final List<String> MODULES = List.of("shared-contracts", "services/service-support",
            "services/registration-service", "services/station-monitoring-service", "services/notification-service",
            "infra/kafka-access", "infra/http-client", "infra/identity-provider", "infra/fuzz-inputs",
            "infra/local-stack", "infra/test-support", "infra/load-tools", "console", "e2e-tests");

    /**
     * Classes allowed to break the controller and feature-API rules while a rework is under way (none
     * today). {@link #pendingClassesStillBreakTheRules()} fails once one is fixed, so no entry outlives
     * its reason.
     */
    static final Set<String> PENDING = Set.of();

    static final DescribedPredicate<JavaClass> PRODUCTION = DescribedPredicate.describe("production classes",
            javaClass -> javaClass.getSource().map(source -> source.getUri().toString().contains("/target/classes/"))
                    .orElse(false));

    private static JavaClasses everything;
    private static JavaClasses production;

    @BeforeAll
    static void importEveryModule() {
        Path root = Path.of(System.getProperty("zhonglou.root", ".."));
        List<Path> outputs = MODULES.stream().map(root::resolve)
                .flatMap(module -> Stream.of(module.resolve("target/classes"), module.resolve("target/test-classes")))
                .filter(Files::isDirectory).toList();
        for (String module : MODULES) {
            if (!module.equals("e2e-tests") && !Files.isDirectory(root.resolve(module).resolve("target/classes"))) {
                throw new IllegalStateException(module + " is not compiled: build it first (./mvnw verify does)");
            }
        }
        everything = new ClassFileImporter().importPaths(outputs);
        production = everything.that(PRODUCTION);
    }

    static List<ArchRule> rules() {
        return ArchitectureRules.all(Layout.PROJECT, PENDING);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void holds(ArchRule rule) {
        rule.check(production);
    }

    @Test
    void pendingClassesStillBreakTheRules() {
        String report = String.join("\n", Stream.of(
                        ArchitectureRules.controllersKeepOffTheStore(Layout.PROJECT, Set.of()),
                        FeatureApi.publicOnlyWhatOtherPackagesUse(Layout.PROJECT, Set.of()))
                .flatMap(rule -> rule.evaluate(production).getFailureReport().getDetails().stream()).toList());
        for (String pending : PENDING) {
            assertThat(report).as("%s now keeps the rules: delete it from PENDING", pending)
                    .containsPattern(java.util.regex.Pattern.quote(pending) + "[. ]");
        }
    }
}
