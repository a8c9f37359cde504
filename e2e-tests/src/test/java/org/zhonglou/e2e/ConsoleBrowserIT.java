package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The staff console in real Chromium (Debian's, driven by playwright-core from npm) against the running
 * stack: console/web/browser/console-flow.mjs logs in as staff (and is refused as a parent), registers a
 * station and a device, sees a CRITICAL alert arrive live and acknowledges it, reads the chart, overrides an
 * interlocked command, creates a programme and reads its roster, with axe-core on every page. Screenshots
 * land in console/target/screenshots. Skipped, saying why, where no Chromium or no npm install exists.
 */
class ConsoleBrowserIT {

    private final E2eStack stack = E2eStack.get();

    @Test
    void aDutyOfficerDoesEveryTaskInTheBrowser() throws IOException, InterruptedException {
        Path root = stack.stack.root();
        Path web = root.resolve("console/web");
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        skipUnless(Files.isExecutable(Path.of(chromium)), "no Chromium at " + chromium + " (apt-get install chromium, or set CHROMIUM)");
        skipUnless(Files.isDirectory(web.resolve("node_modules/playwright-core")),
                "console/web/node_modules has no playwright-core: the console was built without npm");

        // Its output goes through System.out: written straight to the fork's stream, it corrupts Failsafe's channel.
        ProcessBuilder node = new ProcessBuilder("node", "browser/console-flow.mjs").directory(web.toFile())
                .redirectErrorStream(true);
        node.environment().put("CHROMIUM", chromium);
        node.environment().put("CONSOLE_URL", "http://localhost:8080");
        node.environment().put("STATION_URL", stack.endpoints.station());
        node.environment().put("REGISTRATION_URL", stack.endpoints.registration());
        node.environment().put("PARENT_TOKEN", stack.token(E2eStack.unique("e2e-console-parent"), "PARENT"));
        node.environment().put("SCREENSHOT_DIR", root.resolve("console/target/screenshots").toString());
        Process process = node.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(System.out::println);
            } catch (IOException e) {
                // the process ended; its exit code tells the rest
            }
        });
        pump.start();

        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        pump.join(10_000);
        assertThat(finished).as("the browser flow ended").isTrue();
        assertThat(process.exitValue()).as("exit code of console-flow.mjs (its output is above)").isZero();
    }

    private static void skipUnless(boolean condition, String why) {
        if (!condition) {
            System.out.println("SKIPPED ConsoleBrowserIT: " + why);
        }
        Assumptions.assumeTrue(condition, why);
    }
}
