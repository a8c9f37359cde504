package org.zhonglou.testsupport.fuzz;

import java.util.function.Predicate;

/**
 * What a consumer's decode-and-handle path may do with any record while the store answers: handle it, or
 * fail with a failure its error handler classifies as poison (dead-lettered at once). Anything else is a
 * bug: an exception nobody classified is retried and then dead-lettered as a suspect, and one that looks
 * transient is retried forever, which holds the partition.
 */
public final class ConsumerInvariant {

    private ConsumerInvariant() {
    }

    public static void check(String consumer, String input, Predicate<Throwable> poison, Runnable handle) {
        try {
            handle.run();
        } catch (RuntimeException failure) {
            if (!poison.test(failure)) {
                throw new AssertionError(consumer + " threw " + failure + " (not poison)\ninput: "
                        + HttpInvariant.shorten(input), failure);
            }
        }
    }
}
