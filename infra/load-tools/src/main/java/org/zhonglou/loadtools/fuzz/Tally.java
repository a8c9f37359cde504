package org.zhonglou.loadtools.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.zhonglou.httpclient.Reply;

/**
 * Counts answers per status and keeps every answer that breaks the invariant (a 5xx, a 4xx that is not
 * problem+json, no answer at all) as a file under {@code DATA_DIR/fuzz}, to be turned into a regression test.
 */
final class Tally {

    private final Path findings;
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private long requests;
    private long violations;

    Tally(Path findings) {
        this.findings = findings;
    }

    synchronized void record(Probe probe, Reply reply) {
        requests++;
        statuses.merge(reply.status(), 1L, Long::sum);
        if (!acceptable(reply)) {
            violations++;
            save(probe, reply);
        }
    }

    static boolean acceptable(Reply reply) {
        return reply.is2xx() || reply.status() >= 400 && reply.status() < 500 && reply.contentType() != null
                && reply.contentType().startsWith("application/problem+json");
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long violations() {
        return violations;
    }

    synchronized String histogram() {
        StringBuilder out = new StringBuilder();
        statuses.forEach((status, count) -> out.append(out.isEmpty() ? "" : ", ")
                .append(status == 0 ? "no answer" : status).append(": ").append(count));
        return out.toString();
    }

    private void save(Probe probe, Reply reply) {
        try {
            Files.createDirectories(findings);
            Path file = findings.resolve(probe.target() + "-" + reply.status() + "-" + violations + ".txt");
            Files.writeString(file, probe.describe() + "\n\n--- answer " + reply.status() + " (" + reply.contentType()
                    + ") " + (reply.error() == null ? "" : reply.error()) + "\n" + reply.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
