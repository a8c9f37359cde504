package org.zhonglou.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generators are reproducible from a seed, escape what JSON needs, and do reach the hostile values. */
class GeneratorsTest {

    /** Instants are drawn relative to the clock, so only bodies without one compare equal across calls. */
    @Test
    void theSameSeedGivesTheSameInput() {
        assertThat(RequestBodies.rules(new SeededEntropy(42))).isEqualTo(RequestBodies.rules(new SeededEntropy(42)));
        assertThat(RequestBodies.command(new SeededEntropy(7), "gas-1"))
                .isNotEqualTo(RequestBodies.command(new SeededEntropy(8), "gas-1"));
    }

    @Test
    void quotingEscapesControlCharactersAndLoneSurrogatesButKeepsOtherText() {
        assertThat(Hostile.quote("a\"b\\c\u0000\n\ud800龍\u200b")).isEqualTo("\"a\\\"b\\\\c\\u0000\\u000a\\ud800龍\u200b\"");
    }

    @Test
    void aThousandInputsReachTheExtremesAndTheTricks() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 1000; seed++) {
            String body = RequestBodies.readings(new SeededEntropy(seed));
            for (String marker : new String[] {"-999999999-01-01T00:00:00Z", "1e400", "NaN", "\\u0000", "\\ud800",
                    "\u200b", "[[[[[[[[[[", "\"extra\""}) {
                if (body.contains(marker)) {
                    seen.add(marker);
                }
            }
        }
        assertThat(seen).hasSize(8);
    }

    @Test
    void queryValuesStayUnderTheRequestLineLimit() {
        for (long seed = 0; seed < 300; seed++) {
            assertThat(Queries.readings(new SeededEntropy(seed), "longjiang-road")).hasSizeLessThan(7_000);
        }
    }
}
