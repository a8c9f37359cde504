package org.zhonglou.testsupport.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhonglou.fuzz.Entropy;
import org.zhonglou.fuzz.SeededEntropy;

/**
 * Runs a fuzz target on seeded inputs for a bounded time, so {@code ./mvnw verify} fuzzes every target a
 * few seconds without Jazzer's fuzzing mode. Input {@code i} comes from seed {@code base + i}; a failure
 * names its seed (rerun it with {@code -Dzhonglou.fuzz.seed=} and {@code -Dzhonglou.fuzz.seconds=0}).
 *
 * <p>{@code zhonglou.fuzz.seconds} (default 3) is the budget per target; {@code ./run.sh fuzz} raises it.
 * The base seed defaults to a fixed value so that the build explores the same inputs every time; set
 * {@code zhonglou.fuzz.seed} to explore others.
 */
public final class Exploration {

    private static final Logger log = LoggerFactory.getLogger(Exploration.class);
    private static final long DEFAULT_SEED = 20_261_203L;

    private Exploration() {
    }

    public static Duration budget() {
        return Duration.ofMillis((long) (Double.parseDouble(System.getProperty("zhonglou.fuzz.seconds", "3")) * 1000));
    }

    /** Runs {@code target} at least once and until the budget is spent; returns the number of inputs. */
    public static int explore(String name, Consumer<Entropy> target) {
        long base = Long.getLong("zhonglou.fuzz.seed", DEFAULT_SEED);
        long deadline = System.nanoTime() + budget().toNanos();
        int runs = 0;
        do {
            long seed = base + runs;
            try {
                target.accept(new SeededEntropy(seed));
            } catch (AssertionError | RuntimeException failure) {
                save(name, seed, failure);
                throw new AssertionError("Fuzz target " + name + " failed on seed " + seed + ": "
                        + failure.getMessage(), failure);
            }
            runs++;
        } while (System.nanoTime() < deadline);
        log.info("Fuzz target {}: {} inputs, seeds {} to {}", name, runs, base, base + runs - 1);
        return runs;
    }

    /** The failure, with the input in its message, under target/fuzz-findings for a regression test. */
    private static void save(String name, long seed, Throwable failure) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-findings"));
            Files.writeString(dir.resolve(name + "-" + seed + ".txt"), String.valueOf(failure.getMessage()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
