package org.zhonglou.testsupport.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import org.zhonglou.fuzz.Entropy;

/**
 * Jazzer's fuzzed data as the generators' choices: coverage-guided mutation of these bytes steers which
 * shape and which hostile value a generator picks, so the fuzzer searches structured inputs, not noise.
 */
public final class FuzzedEntropy implements Entropy {

    private final FuzzedDataProvider data;

    public FuzzedEntropy(FuzzedDataProvider data) {
        this.data = data;
    }

    @Override
    public int below(int bound) {
        return bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
    }

    @Override
    public long anyLong() {
        return data.consumeLong();
    }

    @Override
    public double anyDouble() {
        return data.consumeDouble();
    }
}
