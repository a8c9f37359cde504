package org.zhonglou.station.alerting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zhonglou.support.refusal.FieldProblem;

/**
 * Checks a rule list as PUT replaces it; every problem is named as {@code [i].field}. What all kinds share
 * (list size, names, severity, kind) is checked here; each kind checks its own fields.
 */
final class RuleValidator {

    static final int MAX_RULES = 100;
    private static final String NAME = "[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?";

    private RuleValidator() {
    }

    static List<FieldProblem> problems(List<? extends RuleInput> rules) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules.size() > MAX_RULES) {
            problems.add(new FieldProblem("$", "at most " + MAX_RULES + " rules"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleInput rule = rules.get(i);
            String at = "[" + i + "].";
            if (rule == null) {
                problems.add(new FieldProblem("[" + i + "]", "must be a rule"));
                continue;
            }
            if (rule.name() == null || !rule.name().matches(NAME)) {
                problems.add(new FieldProblem(at + "name", "must be a lower-case slug"));
            } else if (!names.add(rule.name())) {
                problems.add(new FieldProblem(at + "name", "must be unique within the station"));
            }
            require(rule.severity() != null, at + "severity", "is required", problems);
            if (rule instanceof Rule known) {
                known.validateFields(at, problems);
            } else {
                problems.add(new FieldProblem(at + "kind", "must be " + Rule.kindNames()));
            }
        }
        return problems;
    }

    static void require(boolean ok, String field, String message, List<FieldProblem> problems) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
    }
}
