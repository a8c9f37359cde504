package org.zhonglou.support.devonly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mechanism in a real (small) Spring application, started as a service starts. */
@ExtendWith(OutputCaptureExtension.class)
class DevOnlyValuesTest {

    private static final String DEV_KEY = "ZGV2LW9ubHktZGVtby1rZXktZm9yLXRlc3RzLTMyYiE=";

    @Configuration(proxyBeanMethods = false)
    static class App {

        @Bean
        static DevOnlyGuard devOnlyGuard() {
            return new DevOnlyGuard();
        }
    }

    private static ConfigurableApplicationContext start(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--demo.key=${DEMO_KEY:}",
                "--demo.secret=${DEMO_SECRET:}",
                "--zhonglou.dev-only[0].variable=DEMO_KEY",
                "--zhonglou.dev-only[0].property=demo.key",
                "--zhonglou.dev-only[0].value=" + DEV_KEY,
                "--zhonglou.dev-only[0].hint=base64 of 32 random bytes",
                "--zhonglou.dev-only[1].variable=DEMO_SECRET",
                "--zhonglou.dev-only[1].property=demo.secret",
                "--zhonglou.dev-only[1].value=dev-secret"));
        for (String argument : extra) {
            // A property given twice on the command line is joined with a comma: the later one replaces.
            arguments.removeIf(earlier -> earlier.startsWith(argument.substring(0, argument.indexOf('=') + 1)));
            arguments.add(argument);
        }
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(arguments.toArray(String[]::new));
    }

    @Test
    void theLocalProfileFillsInTheDevValuesAndARealVariableStillWins() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=local",
                "--DEMO_SECRET=a-real-secret")) {
            assertThat(context.getEnvironment().getProperty("demo.key")).isEqualTo(DEV_KEY);
            assertThat(context.getEnvironment().getProperty("demo.secret")).isEqualTo("a-real-secret");
        }
    }

    @Test
    void withoutTheLocalProfileAnUnsetVariableIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> start("--DEMO_SECRET=a-real-secret"))
                .isInstanceOf(DevOnlyValueRefused.class)
                .hasMessageContaining("DEMO_KEY is not set (expected: base64 of 32 random bytes)")
                .hasMessageNotContaining("DEMO_SECRET");
        assertThat(output).contains("APPLICATION FAILED TO START", "DEMO_KEY is not set")
                .doesNotContain("at org.springframework");
    }

    @Test
    void withoutTheLocalProfileThePublishedValueIsRefusedEvenWhenSetExplicitly() {
        assertThatThrownBy(() -> start("--DEMO_KEY=" + DEV_KEY, "--DEMO_SECRET=dev-secret"))
                .hasMessageContaining("DEMO_KEY is the published dev-only value")
                .hasMessageContaining("DEMO_SECRET is the published dev-only value");
    }

    @Test
    void thePublishedKeyInAnotherBase64SpellingIsStillThePublishedKey() {
        assertThat(DevOnlyValue.sameValue(DEV_KEY.replace("=", ""), DEV_KEY)).isTrue();
        assertThat(DevOnlyValue.sameValue(" " + DEV_KEY.substring(0, 20) + "\n" + DEV_KEY.substring(20), DEV_KEY))
                .isTrue();
        // The last character carries two unused bits: "YiF=" spells the same bytes as "YiE=".
        assertThat(DevOnlyValue.sameValue(DEV_KEY.replace("YiE=", "YiF="), DEV_KEY)).isTrue();
        assertThat(DevOnlyValue.sameValue(DEV_KEY.replace("YiE=", "YiI="), DEV_KEY)).isFalse();
        assertThat(DevOnlyValue.sameValue("dev-secret-2", "dev-secret")).isFalse();
        assertThat(DevOnlyValue.sameValue("%%", "dev-secret")).isFalse();
    }

    @Test
    void localTogetherWithProductionIsNotADevelopmentMachine() {
        assertThatThrownBy(() -> start("--spring.profiles.active=local,production"))
                .hasMessageContaining("DEMO_KEY is not set");
    }

    @Test
    void realValuesStartWithoutAnyProfileAndThePropertyMayBeSetDirectly() {
        try (ConfigurableApplicationContext context = start("--DEMO_KEY=cmVhbC1rZXk=", "--demo.secret=direct")) {
            assertThat(context.getEnvironment().getProperty("demo.key")).isEqualTo("cmVhbC1rZXk=");
            assertThat(context.getEnvironment().getProperty("demo.secret")).isEqualTo("direct");
            assertThat(context.getEnvironment().getPropertySources().contains(DevOnlyDefaults.SOURCE)).isFalse();
        }
    }
}
