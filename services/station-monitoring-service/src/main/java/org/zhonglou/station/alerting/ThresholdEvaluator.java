package org.zhonglou.station.alerting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;
import org.zhonglou.station.storage.ReceivedBatch;

/**
 * Runs the threshold rules over a poll of readings, per device and rule group, in timestamp order. Alerts
 * are raised or resolved before the new states are saved: after a crash the replayed readings repeat the
 * transitions, and the alert store turns repeats into no-ops.
 */
@Component
class ThresholdEvaluator {

    private final Rules rules;
    private final RuleStates states;
    private final Alerts alerts;

    ThresholdEvaluator(Rules rules, RuleStates states, Alerts alerts) {
        this.rules = rules;
        this.states = states;
        this.alerts = alerts;
    }

    void evaluate(List<ReceivedBatch> batches) {
        Map<String, List<Rule>> rulesByStation = new HashMap<>();
        Map<String, List<Reading>> readingsBySeries = new LinkedHashMap<>();
        Map<String, String[]> seriesOwner = new HashMap<>();
        for (ReceivedBatch received : batches) {
            ReadingsAccepted batch = received.batch();
            for (Reading reading : batch.readings()) {
                String series = batch.stationId() + "|" + batch.deviceId() + "|" + reading.metric();
                readingsBySeries.computeIfAbsent(series, s -> new ArrayList<>()).add(reading);
                seriesOwner.putIfAbsent(series, new String[] {batch.stationId(), batch.deviceId(), reading.metric()});
            }
        }
        readingsBySeries.forEach((series, readings) -> {
            String[] owner = seriesOwner.get(series);
            List<Rule> stationRules = rulesByStation.computeIfAbsent(owner[0], rules::of);
            Map<String, List<ThresholdRule>> groups = new LinkedHashMap<>();
            for (Rule rule : stationRules) {
                if (rule instanceof ThresholdRule threshold && threshold.metric().equals(owner[2])) {
                    groups.computeIfAbsent(threshold.group(), g -> new ArrayList<>()).add(threshold);
                }
            }
            readings.sort(Comparator.comparing(Reading::timestamp));
            groups.forEach((group, groupRules) -> evaluateGroup(new AlertKey(owner[0], owner[1], group), groupRules,
                    readings));
        });
    }

    private void evaluateGroup(AlertKey key, List<ThresholdRule> groupRules, List<Reading> readings) {
        Map<ThresholdRule, Hysteresis.State> current = new LinkedHashMap<>();
        groupRules.forEach(rule -> current.put(rule, states.load(RuleState.id(key.stationId(), key.deviceId(),
                rule.name()))));
        Map<ThresholdRule, Hysteresis.State> initial = new HashMap<>(current);
        for (Reading reading : readings) {
            boolean firingBefore = anyFiring(current);
            for (ThresholdRule rule : groupRules) {
                Hysteresis.State before = current.get(rule);
                Hysteresis.State after = before.next(rule, reading.value(), reading.timestamp());
                current.put(rule, after);
                if (after.firing() && !before.firing()) {
                    alerts.raise(key, rule, reading.metric(), reading.value(), reading.timestamp());
                }
            }
            if (firingBefore && !anyFiring(current)) {
                alerts.resolve(key, reading.value(), reading.timestamp());
            }
        }
        Reading last = readings.get(readings.size() - 1);
        if (wasPending(initial) && !anyFiring(current) && alerts.isOpen(key)) {
            // The sweep promoted a pending rule (and raised its alert) while this poll held the older state.
            alerts.resolveRaisedMeanwhile(key, last.value(), last.timestamp());
        }
        double lastValue = last.value();
        current.forEach((rule, state) -> {
            if (!state.equals(initial.get(rule))) {
                states.save(RuleState.id(key.stationId(), key.deviceId(), rule.name()), state, lastValue);
            }
        });
    }

    private static boolean wasPending(Map<ThresholdRule, Hysteresis.State> states) {
        return states.values().stream().anyMatch(s -> s.phase() == Hysteresis.Phase.PENDING);
    }

    private static boolean anyFiring(Map<ThresholdRule, Hysteresis.State> states) {
        return states.values().stream().anyMatch(Hysteresis.State::firing);
    }
}
