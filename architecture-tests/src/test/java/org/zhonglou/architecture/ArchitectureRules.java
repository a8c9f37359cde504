package org.zhonglou.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.zhonglou.architecture.Layout.below;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.Set;

/**
 * The rules of docs/architecture.md ("The rules and the test that keeps them"), each a function of the
 * {@link Layout} so the same rule runs on the project and on the fixtures that break it. The project's
 * rules are held to production classes only: tests may use test-support and support.web freely.
 */
final class ArchitectureRules {

    static final String MONGO_TEMPLATE = "org.springframework.data.mongodb.core.MongoTemplate";
    static final String MONGO_OPERATIONS = "org.springframework.data.mongodb.core.MongoOperations";

    private ArchitectureRules() {
    }

    /** Services talk through topics (and one HTTP call), never through each other's classes or infra's. */
    static ArchRule servicesStayApart(Layout layout) {
        List<ArchRule> perService = layout.services().stream()
                .<ArchRule>map(service -> noClasses().that().resideInAPackage(below(service))
                        .should().dependOnClassesThat().resideInAnyPackage(layout.otherServicesAndInfra(service))
                        .because("a service reaches another only through Kafka topics or its HTTP API, and infra/ "
                                + "holds the local stack and tools, never production code"))
                .toList();
        return CompositeArchRule.of(perService);
    }

    /** The contracts are read by every module, so they may not lean on any of them. */
    static ArchRule contractsStandAlone(Layout layout) {
        return noClasses().that().resideInAPackage(below(layout.contracts()))
                .should().dependOnClassesThat(resideInAPackage(below(layout.root()))
                        .and(not(resideInAPackage(below(layout.contracts())))))
                .because("shared-contracts holds only records and topic names that every module can depend on");
    }

    /** service-support is what every service shares; knowing one of them would make it that service's. */
    static ArchRule supportKnowsNoService(Layout layout) {
        return noClasses().that().resideInAPackage(below(layout.support()))
                .should().dependOnClassesThat().resideInAnyPackage(layout.servicesAndInfra())
                .because("service-support is shared by every service and knows none of them");
    }

    /** Within a service, feature packages depend on each other one way only. */
    static ArchRule noCyclesInsideAService(Layout layout) {
        List<ArchRule> perService = layout.services().stream()
                .<ArchRule>map(service -> slices().matching(service + ".(*)..").namingSlices(service + ".$1")
                        .should().beFreeOfCycles())
                .toList();
        return CompositeArchRule.of(perService);
    }

    /** Controllers map requests to the domain and back; the store is the domain's business. */
    static ArchRule controllersKeepOffTheStore(Layout layout, Set<String> pending) {
        return noClasses().that(WebAdapters.CONTROLLERS).and().resideInAPackage(below(layout.root()))
                .and(DescribedPredicate.describe("are not pending", javaClass -> !pending.contains(javaClass.getName())))
                .should().dependOnClassesThat().haveFullyQualifiedName(MONGO_TEMPLATE)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(MONGO_OPERATIONS)
                .because("persistence stays in the class that owns the collection (see the store naming rule)")
                .allowEmptyShould(true);
    }

    /** HTTP is the web adapters' concern: the domain refuses with support.refusal.Refusal instead. */
    static ArchRule onlyWebAdaptersUseWeb(Layout layout) {
        return noClasses().that().resideInAPackage(below(layout.root()))
                .and().resideOutsideOfPackage(below(layout.web()))
                .and(not(WebAdapters.ALL))
                .should().dependOnClassesThat().resideInAPackage(below(layout.web()))
                .because("only controllers, filters, advice and security wiring speak HTTP; domain code "
                        + "throws support.refusal.Refusal and the web layer maps it");
    }

    /** @param pending classes let through by name while another branch rewrites them (see ArchitectureTest) */
    static List<ArchRule> all(Layout layout, Set<String> pending) {
        return List.of(servicesStayApart(layout), contractsStandAlone(layout), supportKnowsNoService(layout),
                noCyclesInsideAService(layout), controllersKeepOffTheStore(layout, pending),
                onlyWebAdaptersUseWeb(layout), FeatureApi.publicOnlyWhatOtherPackagesUse(layout, pending));
    }
}
