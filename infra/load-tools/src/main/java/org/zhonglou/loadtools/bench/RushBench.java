package org.zhonglou.loadtools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.zhonglou.loadtools.client.LocalStack;
import org.zhonglou.loadtools.client.RegistrationApi;
import org.zhonglou.loadtools.client.Roster;

/**
 * The summer-class rush: {@code parents} distinct parents sign up for {@code seats} seats, arrivals spread
 * evenly over {@code window} (open model). Overbooking is read back from the roster afterwards.
 */
final class RushBench {

    record Result(OpenLoad.Result http, Map<Integer, Long> statuses, int capacity, int confirmed, int waitlisted,
                  boolean waitlistConsistent, Result first) {

        int overbooked() {
            return Math.max(0, confirmed - capacity);
        }
    }

    private RushBench() {
    }

    /**
     * Two rushes of the same size on two programmes. The first meets the registration service as the
     * bench finds it (after a start: its sign-up code not yet compiled) and is reported on its own; the
     * second is the figure: a service that has been up for a while has compiled the paths it runs.
     */
    static Result run(RegistrationApi api, LocalStack stack, String runTag, int parents, int seats, Duration window) {
        Result first = measure(api, stack, runTag + "-first", parents, seats, window, null);
        return measure(api, stack, runTag, parents, seats, window, first);
    }

    private static Result measure(RegistrationApi api, LocalStack stack, String runTag, int parents, int seats,
            Duration window, Result first) {
        String programmeId = api.createProgramme("Taiying summer care class, bench " + runTag, seats, seats);
        List<String> tokens = new ArrayList<>(parents);
        for (int i = 0; i < parents; i++) {
            tokens.add(stack.token("bench-parent-" + runTag + "-" + i, "PARENT"));
        }
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        OpenLoad.Result http = OpenLoad.run(parents / (window.toMillis() / 1000.0), window, 2_000, i -> {
            int n = (int) i;
            Object body = RegistrationApi.enrollment("Bench Child " + runTag + " " + n, "Bench Guardian " + n,
                    "bench-" + runTag + "-" + n + "@example.test", n);
            return api.enrol(programmeId, tokens.get(n), runTag + "-" + n, body)
                    .thenApply(reply -> {
                        statuses.merge(reply.status(), 1L, Long::sum);
                        return reply;
                    });
        }, reply -> reply.status() == 201 || reply.status() == 409);
        Roster roster = Roster.of(api.roster(programmeId));
        return new Result(http, new TreeMap<>(statuses), seats, roster.confirmed().size(), roster.waitlist().size(),
                roster.waitlistConsistent(), first);
    }
}
