package org.zhonglou.loadtools.fuzz;

import java.time.Duration;

/** {@code ./run.sh fuzz --minutes N [--seed S]}: how long the HTTP fuzzer runs and where its inputs start. */
record FuzzOptions(Duration duration, long seed) {

    static FuzzOptions parse(String... args) {
        double minutes = 1;
        long seed = System.nanoTime();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--minutes" -> minutes = number(args[i], value);
                case "--seed" -> seed = (long) number(args[i], value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + ": use --minutes N (default 1) and --seed S");
            }
            i++;
        }
        if (!(minutes > 0 && minutes <= 24 * 60)) {
            throw new IllegalArgumentException("--minutes must be above 0 and at most a day");
        }
        return new FuzzOptions(Duration.ofMillis((long) (minutes * 60_000)), seed);
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number");
        }
    }
}
