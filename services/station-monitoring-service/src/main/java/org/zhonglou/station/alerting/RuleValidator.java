package org.zhonglou.station.alerting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zhonglou.station.ingest.Metric;
import org.zhonglou.support.refusal.FieldProblem;

/** Checks a rule list as PUT replaces it; every problem is named as {@code [i].field}. */
final class RuleValidator {

    static final int MAX_RULES = 100;
    private static final String NAME = "[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?";

    private RuleValidator() {
    }

    static List<FieldProblem> problems(List<Rule> rules) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules.size() > MAX_RULES) {
            problems.add(new FieldProblem("$", "at most " + MAX_RULES + " rules"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
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
            if (rule.kind() == null) {
                problems.add(new FieldProblem(at + "kind", "must be THRESHOLD, SILENT_DEVICE or DAILY_CAPACITY"));
                continue;
            }
            switch (rule.kind()) {
                case THRESHOLD -> threshold(rule, at, problems);
                case SILENT_DEVICE -> require(rule.silentSeconds() != null && rule.silentSeconds() >= 1
                        && rule.silentSeconds() <= 86_400, at + "silentSeconds", "must be 1 to 86400", problems);
                case DAILY_CAPACITY -> require(rule.percent() != null && rule.percent() > 0 && rule.percent() <= 1000,
                        at + "percent", "must be above 0 and at most 1000", problems);
            }
        }
        return problems;
    }

    private static void threshold(Rule rule, String at, List<FieldProblem> problems) {
        Metric metric = Metric.byId(rule.metric()).orElse(null);
        require(metric != null, at + "metric", "unknown metric", problems);
        require(rule.comparator() != null, at + "comparator", "must be ABOVE or BELOW", problems);
        require(finite(rule.threshold()), at + "threshold", "must be a finite number", problems);
        require(finite(rule.clearThreshold()), at + "clearThreshold", "must be a finite number", problems);
        require(rule.forSeconds() != null && rule.forSeconds() >= 0 && rule.forSeconds() <= 86_400,
                at + "forSeconds", "must be 0 to 86400", problems);
        if (rule.comparator() != null && finite(rule.threshold()) && finite(rule.clearThreshold())) {
            boolean above = rule.comparator() == Rule.Comparator.ABOVE;
            require(above ? rule.clearThreshold() <= rule.threshold() : rule.clearThreshold() >= rule.threshold(),
                    at + "clearThreshold", above ? "must not exceed threshold for ABOVE"
                            : "must not be below threshold for BELOW", problems);
        }
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }

    private static void require(boolean ok, String field, String message, List<FieldProblem> problems) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
    }
}
