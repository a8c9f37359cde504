package org.zhonglou.loadtools.bench;

import java.io.PrintStream;
import java.util.Map;

/** One step of the benchmark: a failure is recorded with its reason and the next step still runs. */
final class Phase {

    interface Step {
        void run() throws Exception;
    }

    private Phase() {
    }

    /** Runs the step when {@code selected} (see {@code --only}); a failed step is recorded, not thrown. */
    static void run(PrintStream out, boolean selected, String name, Map<String, Object> details, Step step) {
        if (!selected) {
            return;
        }
        out.println("bench: " + name + " ...");
        long start = System.nanoTime();
        try {
            step.run();
            out.printf("bench: %s done in %.0f s%n", name, (System.nanoTime() - start) / 1e9);
        } catch (Exception | AssertionError e) {
            out.println("bench: " + name + " failed: " + e);
            details.merge("errors", name + ": " + e, (a, b) -> a + "; " + b);
        }
    }
}
