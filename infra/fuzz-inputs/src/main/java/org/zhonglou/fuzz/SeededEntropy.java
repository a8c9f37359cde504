package org.zhonglou.fuzz;

import java.util.SplittableRandom;

/** Choices from a seed, so any input a run produced can be produced again from its seed alone. */
public final class SeededEntropy implements Entropy {

    private final SplittableRandom random;

    public SeededEntropy(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int below(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public long anyLong() {
        return random.nextLong();
    }

    @Override
    public double anyDouble() {
        return Double.longBitsToDouble(random.nextLong());
    }
}
