package org.zhonglou.station.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.support.refusal.FieldProblem;

class RuleValidatorTest {

    @Test
    void theDefaultsAreValid() {
        assertThat(RuleValidator.problems(DefaultRules.ALL)).isEmpty();
    }

    @Test
    void clearThresholdMustBeOnTheSafeSideOfTheThreshold() {
        List<Rule> rules = List.of(
                Rule.threshold("above", Severity.MAJOR, "h2s_ppm", Rule.Comparator.ABOVE, 10, 12, 0),
                Rule.threshold("below", Severity.MAJOR, "fill_level_pct", Rule.Comparator.BELOW, 10, 5, 0));

        assertThat(RuleValidator.problems(rules)).extracting(FieldProblem::field)
                .containsExactly("[0].clearThreshold", "[1].clearThreshold");
    }

    @Test
    void namesAreUniqueAndKindsComplete() {
        List<Rule> rules = List.of(Rule.silentDevice("same", Severity.MAJOR, 60),
                Rule.dailyCapacity("same", Severity.WARNING, 0),
                new ThresholdRule("t", null, "co2", null, null, null, null));

        assertThat(RuleValidator.problems(rules)).extracting(FieldProblem::field).containsExactly("[1].name",
                "[1].percent", "[2].severity", "[2].metric", "[2].comparator", "[2].threshold", "[2].clearThreshold",
                "[2].forSeconds");
    }
}
