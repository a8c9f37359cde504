package org.zhonglou.loadtools.fuzz;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.zhonglou.fuzz.AcceptedReadings;
import org.zhonglou.fuzz.Entropy;
import org.zhonglou.fuzz.SeededEntropy;
import org.zhonglou.httpclient.Http;
import org.zhonglou.httpclient.Reply;
import org.zhonglou.loadtools.client.Endpoints;
import org.zhonglou.loadtools.client.LocalStack;
import org.zhonglou.loadtools.client.RegistrationApi;
import org.zhonglou.loadtools.client.StationApi;

/**
 * {@code ./run.sh fuzz}'s HTTP part: structured hostile requests (fuzz-inputs) against the running stack
 * for a set time, one at a time. Prints progress every ten seconds and a summary: requests, statuses, and
 * the answers that broke the invariant (a 5xx, a 4xx without problem+json, no answer), each saved under
 * {@code DATA_DIR/fuzz}. Then checks that every reading answered with 202 was stored. Exit status 1 when
 * anything broke.
 */
public final class FuzzMain {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private FuzzMain() {
    }

    public static void main(String[] args) {
        FuzzOptions options;
        try {
            options = FuzzOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = LocalStack.fromEnvironment();
        Endpoints endpoints = Endpoints.fromSystemProperties();
        Http http = new Http(Duration.ofSeconds(30));
        Targets.Fixture fixture;
        try {
            fixture = setUp(stack, endpoints, http);
        } catch (RuntimeException e) {
            System.err.println("cannot set up the fuzz fixture (is the stack running? ./run.sh start): "
                    + e.getMessage());
            System.exit(1);
            return;
        }
        System.exit(run(options, new Targets(endpoints, fixture), http, stack, endpoints, fixture, System.out) ? 0 : 1);
    }

    private static Targets.Fixture setUp(LocalStack stack, Endpoints endpoints, Http http) {
        String staff = stack.token("staff-fuzz", "STAFF");
        StationApi stations = new StationApi(http, endpoints, staff);
        String station = stations.ensureStation("fuzz-" + Long.toHexString(System.nanoTime() & 0xffffffL),
                "Fuzz station", 200);
        String key = stations.registerDevice(station, "fuzz-1");
        String programme = new RegistrationApi(http, endpoints, staff).createProgramme("Fuzz programme", 5000, 100);
        return new Targets.Fixture(staff, stack.token("parent-fuzz", "PARENT"), station, key, programme);
    }

    private static boolean run(FuzzOptions options, Targets targets, Http http, LocalStack stack, Endpoints endpoints,
                               Targets.Fixture fixture, PrintStream out) {
        Tally tally = new Tally(stack.dataDir().resolve("fuzz"));
        AcceptedReadings accepted = new AcceptedReadings();
        List<Function<Entropy, Probe>> all = targets.all();
        out.printf("fuzzing the stack for %s from seed %d (station %s, programme %s)%n", options.duration(),
                options.seed(), fixture.stationId(), fixture.programmeId());
        long start = System.nanoTime();
        long deadline = start + options.duration().toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        for (long i = 0; System.nanoTime() < deadline; i++) {
            Entropy e = new SeededEntropy(options.seed() + i);
            Probe probe = all.get(e.below(all.size())).apply(e);
            Instant sent = Instant.now();
            Reply reply = http.send(probe.method(), probe.url(), probe.headers(), probe.body());
            tally.record(probe, reply);
            if (probe.target().equals("readings") && reply.status() == 202) {
                accepted.add(probe.body(), sent);
            }
            if (System.nanoTime() > nextProgress) {
                nextProgress += PROGRESS_EVERY.toNanos();
                out.printf("  %3ds: %d requests, %d broke the invariant (%s)%n",
                        Duration.ofNanos(System.nanoTime() - start).toSeconds(), tally.requests(), tally.violations(),
                        tally.histogram());
            }
        }
        long missing = StoredCheck.missing(new StationApi(http, endpoints, fixture.staffToken()), fixture.stationId(),
                accepted, out);
        out.printf("fuzz summary: %d requests; statuses %s; %d broke the invariant%s; readings answered 202 but "
                        + "not stored: %d%n", tally.requests(), tally.histogram(), tally.violations(),
                tally.violations() == 0 ? "" : " (inputs in " + stack.dataDir().resolve("fuzz") + ")", missing);
        return tally.violations() == 0 && missing == 0;
    }
}
