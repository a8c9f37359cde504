package org.zhonglou.loadtools.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.zhonglou.httpclient.Reply;

class FuzzOptionsTest {

    @Test
    void minutesAndSeedAreRead() {
        FuzzOptions options = FuzzOptions.parse("--minutes", "0.5", "--seed", "12");

        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.seed()).isEqualTo(12);
        assertThat(FuzzOptions.parse().duration()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> FuzzOptions.parse("--minutes", "0")).hasMessageContaining("--minutes");
        assertThatThrownBy(() -> FuzzOptions.parse("--minutes")).hasMessageContaining("number");
        assertThatThrownBy(() -> FuzzOptions.parse("--rate", "3")).hasMessageContaining("unknown option");
    }

    @Test
    void onlySuccessesAndProblemJsonClientErrorsKeepTheInvariant() {
        assertThat(Tally.acceptable(new Reply(202, "{}", null, "application/json"))).isTrue();
        assertThat(Tally.acceptable(new Reply(400, "{}", null, "application/problem+json"))).isTrue();
        assertThat(Tally.acceptable(new Reply(400, "<html>", null, "text/html"))).isFalse();
        assertThat(Tally.acceptable(new Reply(500, "{}", null, "application/problem+json"))).isFalse();
        assertThat(Tally.acceptable(new Reply(0, "", "ConnectException", null))).isFalse();
    }
}
