package org.zhonglou.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test of the test: each rule, held to the fixture package, reports the violation planted there. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "org.zhonglou.architecture.fixture";
    private static final Layout LAYOUT = new Layout(FIXTURE, FIXTURE + ".contracts", FIXTURE + ".support",
            FIXTURE + ".support.web", List.of(FIXTURE + ".alpha", FIXTURE + ".beta"), List.of(FIXTURE + ".tool"));
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE);

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of(ArchitectureRules.servicesStayApart(LAYOUT), List.of(
                        "alpha.orders.OrderDesk.shop> has type <" + FIXTURE + ".beta.shop.Shop>",
                        "alpha.orders.OrderDesk.tool> has type <" + FIXTURE + ".tool.LoadTool>")),
                Arguments.of(ArchitectureRules.contractsStandAlone(LAYOUT), List.of(
                        "contracts.LeakyEvent.origin> has type <" + FIXTURE + ".support.ServiceAware>")),
                Arguments.of(ArchitectureRules.supportKnowsNoService(LAYOUT), List.of(
                        "support.ServiceAware.describe(" + FIXTURE + ".alpha.orders.OrderDesk)>")),
                Arguments.of(ArchitectureRules.noCyclesInsideAService(LAYOUT), List.of(
                        "Cycle detected: " + FIXTURE + ".alpha.billing -> ", FIXTURE + ".alpha.orders -> ")),
                Arguments.of(ArchitectureRules.controllersKeepOffTheStore(LAYOUT, Set.of()), List.of(
                        "alpha.orders.OrderController.mongo> has type <" + ArchitectureRules.MONGO_TEMPLATE + ">")),
                Arguments.of(ArchitectureRules.onlyWebAdaptersUseWeb(LAYOUT), List.of(
                        "alpha.orders.OrderDesk.bill(java.lang.String)> calls constructor <" + FIXTURE
                                + ".support.web.WebProblem.<init>")),
                Arguments.of(FeatureApi.publicOnlyWhatOtherPackagesUse(LAYOUT, Set.of()), List.of(
                        FIXTURE + ".alpha.billing.TaxTable is public but nothing outside")));
    }

    @ParameterizedTest
    @MethodSource("violations")
    void eachRuleReportsItsPlantedViolation(ArchRule rule, List<String> expected) {
        EvaluationResult result = rule.evaluate(FIXTURES);

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        expected.forEach(offence -> assertThat(report).contains(offence));
    }

    @Test
    void everyRuleHasAPlantedViolation() {
        assertThat(violations().map(arguments -> ((ArchRule) arguments.get()[0]).getDescription()))
                .containsExactlyInAnyOrderElementsOf(
                        ArchitectureRules.all(LAYOUT, Set.of()).stream().map(ArchRule::getDescription).toList());
    }

    @Test
    void pendingClassesAreLetThroughByNameOnly() {
        String controller = FIXTURE + ".alpha.orders.OrderController";
        String taxTable = FIXTURE + ".alpha.billing.TaxTable";

        assertThat(ArchitectureRules.controllersKeepOffTheStore(LAYOUT, Set.of(controller)).evaluate(FIXTURES)
                .hasViolation()).isFalse();
        assertThat(FeatureApi.publicOnlyWhatOtherPackagesUse(LAYOUT, Set.of(taxTable)).evaluate(FIXTURES)
                .hasViolation()).isFalse();
    }
}
