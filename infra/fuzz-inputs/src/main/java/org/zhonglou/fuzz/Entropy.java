package org.zhonglou.fuzz;

import java.util.List;

/**
 * Where a generator takes its choices from: a seeded random source for bounded runs and the HTTP fuzzer,
 * or Jazzer's fuzzed data, so that coverage-guided mutation steers the same structure-aware generators.
 */
public interface Entropy {

    /** A number from 0 (inclusive) to {@code bound} (exclusive); {@code bound} is at least 1. */
    int below(int bound);

    long anyLong();

    double anyDouble();

    default boolean percent(int chance) {
        return below(100) < chance;
    }

    default int between(int min, int max) {
        return min + below(max - min + 1);
    }

    default <T> T oneOf(List<T> choices) {
        return choices.get(below(choices.size()));
    }
}
