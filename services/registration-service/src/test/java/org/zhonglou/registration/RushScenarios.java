package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** Fires sign-ups all at once and checks the contract's capacity and waitlist guarantees on the result. */
final class RushScenarios {

    private RushScenarios() {
    }

    /** 200 parents at once for 30 seats and 50 waitlist places; {@code apiFor(i)} picks the instance. */
    static void twoHundredParentsForThirtySeats(IntFunction<ApiClient> apiFor) throws Exception {
        String programmeId = Samples.createProgramme(apiFor.apply(0), Samples.programme(30, 50));
        String run = Samples.unique("rush");
        List<ApiClient.Answer> answers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            List<Future<ApiClient.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return Samples.enrol(apiFor.apply(n), programmeId, run + "-parent-" + n, "key-" + n,
                            Samples.enrollment("孩子" + run + n, n));
                }));
            }
            start.countDown();
            for (Future<ApiClient.Answer> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> outcomes = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() + " " + (a.status() == 201 ? a.json().path("status").asString()
                        : a.json().path("type").asString()), Collectors.counting()));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201 CONFIRMED", 30L,
                "201 WAITLISTED", 50L, "409 /problems/programme-full", 120L));
        List<Integer> positions = answers.stream().filter(a -> "WAITLISTED".equals(a.json().path("status").asString()))
                .map(a -> a.json().path("waitlistPosition").asInt()).sorted().toList();
        assertThat(positions).isEqualTo(IntStream.rangeClosed(1, 50).boxed().toList());

        JsonNode programme = apiFor.apply(0).get("/api/programmes/" + programmeId).send().json();
        assertThat(programme.path("seatsTaken").asInt()).isEqualTo(30);
        assertThat(programme.path("seatsLeft").asInt()).isZero();
        assertThat(programme.path("waitlistLength").asInt()).isEqualTo(50);
        JsonNode roster = apiFor.apply(1).get("/api/programmes/" + programmeId + "/roster")
                .bearer(TestTokens.staff("staff-1")).send().json();
        assertThat(roster.path("confirmed").size()).isEqualTo(30);
        List<Integer> rosterPositions = new ArrayList<>();
        roster.path("waitlist").forEach(entry -> rosterPositions.add(entry.path("waitlistPosition").asInt()));
        assertThat(rosterPositions).isEqualTo(IntStream.rangeClosed(1, 50).boxed().toList());
    }
}
