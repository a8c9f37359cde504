package org.zhonglou.station.alerting;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.zhonglou.contracts.station.Severity;

/** One valid rule of every kind: a kind added without an example here fails every test that uses them. */
final class RuleExamples {

    private static final Map<Class<?>, Rule> EXAMPLES = Map.of(
            ThresholdRule.class, Rule.threshold("h2s-example", Severity.MAJOR, "h2s_ppm", Rule.Comparator.ABOVE, 10, 7,
                    0),
            SilentDeviceRule.class, Rule.silentDevice("silent-example", Severity.MAJOR, 1),
            DailyCapacityRule.class, Rule.dailyCapacity("capacity-example", Severity.WARNING, 50));

    private RuleExamples() {
    }

    /** Every permitted kind of {@link Rule}, as the compiler knows them. */
    static List<Class<?>> kinds() {
        return Arrays.asList(Rule.class.getPermittedSubclasses());
    }

    static Rule of(Class<?> kind) {
        Rule example = EXAMPLES.get(kind);
        if (example == null) {
            throw new AssertionError("No example rule of kind " + kind.getSimpleName() + " in RuleExamples");
        }
        return example;
    }

    /** A rule of the kind with a name and severity and nothing else: only the kind's own checks can refuse it. */
    static Rule bare(Class<?> kind) {
        RecordComponent[] components = kind.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = switch (components[i].getName()) {
                case "name" -> "bare";
                case "severity" -> Severity.MAJOR;
                default -> null;
            };
        }
        try {
            return (Rule) kind.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(kind + " is not a record with boxed fields", e);
        }
    }
}
