package org.zhonglou.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.zhonglou.architecture.Layout.below;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * A feature package's API is exactly what other packages use: a public class that nothing outside its
 * package uses (production code or tests) is an internal that leaks, and should be package-private.
 * No list of API classes has to be kept up to date: the compiler already demands {@code public} for a
 * use from another package, and this rule demands such a use for {@code public}.
 *
 * <p>Let through: the service's root package (the application class and its wiring, which Spring
 * starts) is not a feature; {@code @ConfigurationProperties} classes must be public for Spring Boot to
 * construct them; and a class offering constants ({@code ProgrammeFields.SEATS_TAKEN}) may be used only
 * through them, which javac copies into the user, leaving no trace in the class files.
 */
final class FeatureApi {

    static final String CONFIGURATION_PROPERTIES =
            "org.springframework.boot.context.properties.ConfigurationProperties";

    private FeatureApi() {
    }

    /**
     * Uses are counted from every imported class, tests included, even when the rule checks a subset.
     *
     * @param pending classes let through by name while another branch rewrites them; each must still
     *                exist and still break the rule, so the list can only shrink
     */
    static ArchRule publicOnlyWhatOtherPackagesUse(Layout layout, Set<String> pending) {
        List<ArchRule> perService = layout.services().stream()
                .<ArchRule>map(service -> classes().that().resideInAPackage(below(service))
                        .and().resideOutsideOfPackage(service)
                        .and().areTopLevelClasses().and().arePublic()
                        .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                        .and().areNotAnnotatedWith(CONFIGURATION_PROPERTIES)
                        .and(DescribedPredicate.describe("offer no constants", FeatureApi::offersNoConstants))
                        .should(beUsedFromAnotherPackage(pending))
                        .because("a feature package exposes only what other packages use; the rest stays "
                                + "package-private")
                        .allowEmptyShould(true))
                .toList();
        return CompositeArchRule.of(perService);
    }

    private static boolean offersNoConstants(JavaClass javaClass) {
        return javaClass.getFields().stream().noneMatch(FeatureApi::isConstant);
    }

    private static boolean isConstant(JavaField field) {
        return field.getModifiers().containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL))
                && (field.getRawType().isPrimitive() || field.getRawType().isEquivalentTo(String.class));
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage(Set<String> pending) {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean used = javaClass.getDirectDependenciesToSelf().stream()
                        .map(Dependency::getOriginClass)
                        .anyMatch(origin -> !origin.getPackageName().equals(javaClass.getPackageName()));
                if (!used && !pending.contains(javaClass.getName())) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " is public but nothing outside " + javaClass.getPackageName() + " uses it"));
                }
            }
        };
    }
}
