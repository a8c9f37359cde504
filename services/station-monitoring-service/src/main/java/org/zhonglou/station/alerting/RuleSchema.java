package org.zhonglou.station.alerting;

import io.swagger.v3.oas.annotations.media.Schema;
import org.zhonglou.contracts.station.Severity;

/**
 * How the API documents one rule: the single flat object it has always shown (every kind's fields, the
 * kind naming which apply), so the OpenAPI document and the clients generated from it stay as they were.
 * Springdoc renders the sealed {@link Rule} through this ({@link RuleController}). {@code RuleKindsTest}
 * checks that it lists every kind and every kind's fields.
 */
@Schema(name = "Rule")
record RuleSchema(String name, Kind kind, Severity severity, String metric, Rule.Comparator comparator,
                  Double threshold, Double clearThreshold, Integer forSeconds, Integer silentSeconds, Double percent) {

    enum Kind { THRESHOLD, SILENT_DEVICE, DAILY_CAPACITY }
}
