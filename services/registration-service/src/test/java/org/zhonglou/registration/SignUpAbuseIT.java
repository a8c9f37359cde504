package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhonglou.registration.Samples.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TestTokens;

/**
 * One parent account cannot take a programme's seats: invisible characters do not make another child,
 * guardian fields carry no control characters, a guardian holds at most maxActivePerGuardian places
 * (however many requests race), and sign-up attempts per guardian are rate-limited.
 */
@LocalStackTest
class SignUpAbuseIT extends StackScenarios {

    @Test
    void aNameWithZeroWidthOrBidiCharactersIsTheSameChild() {
        String programme = createProgramme(api(), programme(10, 10));
        String name = unique("Li Ming");
        assertThat(enrol(api(), programme, unique("mother"), "k", enrollment(name, 4)).status()).isEqualTo(201);

        for (String invisible : new String[] {"\u200B", "\u2060", "\uFEFF", "\u202E", "\u00AD"}) {
            Map<String, Object> body = enrollment(name.replace("Li ", "Li" + invisible), 4);

            ApiClient.Answer again = enrol(api(), programme, unique("father"), "k", body);

            assertThat(again.status()).as("U+%04X: %s", (int) invisible.charAt(0), again.body()).isEqualTo(409);
            assertThat(again.json().path("type").asString()).isEqualTo("/problems/duplicate-child");
        }
        assertThat(api().get("/api/programmes/" + programme).send().json().path("seatsTaken").asInt()).isEqualTo(1);
    }

    @Test
    void guardianNameAndContactsWithControlCharactersAre400NamingTheField() {
        String programme = createProgramme(api(), programme(10, 10));
        Map<String, String> good = Map.of("fullName", "王芳", "phone", "+8613900000000", "email", "wang@example.cn");
        Map<String, String> bad = Map.of("fullName", "王芳\nAdmin: yes", "phone", "+86139000\r\n00000",
                "email", "wang@example.cn\u202E");
        for (String field : bad.keySet()) {
            Map<String, String> guardian = new HashMap<>(good);
            guardian.put(field, bad.get(field));
            Map<String, Object> body = new HashMap<>(enrollment(unique("小明"), 1));
            body.put("guardian", guardian);

            ApiClient.Answer answer = enrol(api(), programme, unique("p"), "k", body);

            assertThat(answer.status()).as(field + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("errors").findValuesAsString("field")).contains("guardian." + field);
        }
        assertThat(api().get("/api/programmes/" + programme).send().json().path("seatsTaken").asInt()).isZero();
    }

    @Test
    void racingSignUpsOfOneGuardianNeverPassTheLimitAndACancellationFreesOne() throws Exception {
        Map<String, Object> settings = programme(2, 20);
        settings.put("maxActivePerGuardian", 3);
        String programme = createProgramme(api(), settings);
        assertThat(api().get("/api/programmes/" + programme).send().json().path("maxActivePerGuardian").asInt())
                .isEqualTo(3);
        String parent = unique("parent");

        List<ApiClient.Answer> answers = race(8, n -> enrol(api(), programme, parent, "key-" + n,
                enrollment(unique("孩子"), n)));

        List<ApiClient.Answer> placed = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(placed).hasSize(3);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(5)
                .allSatisfy(a -> assertThat(a.json().path("type").asString()).isEqualTo("/problems/guardian-limit"));
        assertThat(enrol(api(), programme, unique("other"), "k", enrollment(unique("邻居"), 9)).status())
                .isEqualTo(201);

        String first = placed.get(0).json().path("id").asString();
        assertThat(api().post("/api/enrollments/" + first + "/cancel", null).bearer(TestTokens.parent(parent)).send()
                .status()).isEqualTo(200);
        assertThat(enrol(api(), programme, parent, "key-after", enrollment(unique("孩子"), 10)).status())
                .isEqualTo(201);
    }

    @Test
    void cancellingAPlaceTakenBeforeGuardiansWereCountedDoesNotRaiseTheLimit() {
        Map<String, Object> settings = programme(5, 5);
        settings.put("maxActivePerGuardian", 1);
        String programme = createProgramme(api(), settings);
        String parent = unique("parent");
        String old = enrol(api(), programme, parent, "key-old", enrollment(unique("孩子"), 1)).json().path("id")
                .asString();
        // As a ledger written before this count existed: the place is there, the guardian's count is not.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(programme)), new Update().unset("guardians"),
                "programmes");
        assertThat(api().post("/api/enrollments/" + old + "/cancel", null).bearer(TestTokens.parent(parent)).send()
                .status()).isEqualTo(200);

        assertThat(enrol(api(), programme, parent, "key-1", enrollment(unique("孩子"), 2)).status()).isEqualTo(201);
        assertThat(enrol(api(), programme, parent, "key-2", enrollment(unique("孩子"), 3)).status())
                .as("one place, as the programme says").isEqualTo(409);
    }

    @Test
    void theLimitIsAProgrammeFieldFromOneToTen() {
        for (Object value : new Object[] {0, 11, -1}) {
            Map<String, Object> body = programme(5, 5);
            body.put("maxActivePerGuardian", value);

            ApiClient.Answer answer = api().post("/api/programmes", body).bearer(TestTokens.staff("staff-1")).send();

            assertThat(answer.status()).as(String.valueOf(value)).isEqualTo(400);
            assertThat(answer.json().path("errors").findValuesAsString("field")).contains("maxActivePerGuardian");
        }
        String programme = createProgramme(api(), programme(5, 5));
        assertThat(api().get("/api/programmes/" + programme).send().json().path("maxActivePerGuardian").asInt())
                .isEqualTo(3);
    }

    @Test
    void theEleventhAttemptWithinAMinuteIs429WithRetryAfterAndOtherParentsAreNotAffected() {
        String programme = createProgramme(api(), programme(5, 5));
        String parent = unique("script");
        Map<String, Object> noConsent = new HashMap<>(enrollment("小明", 1));
        noConsent.put("consentGiven", false);
        for (int i = 0; i < 10; i++) {
            assertThat(enrol(api(), programme, parent, "k" + i, noConsent).status()).isEqualTo(422);
        }

        ApiClient.Answer limited = enrol(api(), programme, parent, "k-next", enrollment(unique("小明"), 2));

        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().path("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(enrol(api(), programme, unique("parent"), "k", enrollment(unique("小红"), 3)).status())
                .isEqualTo(201);
    }

    private static List<ApiClient.Answer> race(int count, java.util.function.IntFunction<ApiClient.Answer> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiClient.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<ApiClient.Answer> answers = new ArrayList<>();
            for (Future<ApiClient.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
