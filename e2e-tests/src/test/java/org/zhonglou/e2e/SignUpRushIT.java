package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zhonglou.httpclient.Http;
import org.zhonglou.httpclient.Reply;
import org.zhonglou.loadtools.client.RegistrationApi;
import org.zhonglou.loadtools.client.Roster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sixteen parents rush for five seats and three waitlist places at once; one confirmed parent cancels.
 * The roster and the parents' e-mails must tell exactly that story.
 */
class SignUpRushIT {

    private static final int SEATS = 5;
    private static final int WAITLIST = 3;
    private static final int PARENTS = 16;

    private final E2eStack stack = E2eStack.get();
    private final RegistrationApi registration = stack.registration();

    record Parent(String token, String email, String idempotencyKey, ObjectNode body) {
    }

    @Test
    void rushWithCancellationEndsInTheRightRosterAndTheRightEmails() {
        String tag = E2eStack.unique("rush");
        String programmeId = registration.createProgramme("Taiying summer care class " + tag, SEATS, WAITLIST);
        List<Parent> parents = new ArrayList<>();
        for (int i = 0; i < PARENTS; i++) {
            String email = tag + "-parent-" + i + "@example.test";
            parents.add(new Parent(stack.token(tag + "-parent-" + i, "PARENT"), email, tag + "-key-" + i,
                    RegistrationApi.enrollment("测试 Child " + tag + " " + i, "Guardian " + i, email, i)));
        }

        List<CompletableFuture<Reply>> calls = parents.stream()
                .map(p -> registration.enrol(programmeId, p.token(), p.idempotencyKey(), p.body())).toList();
        List<Reply> replies = calls.stream().map(CompletableFuture::join).toList();

        Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
        assertThat(statuses).as("every request gets a definite answer").containsOnlyKeys(201, 409);
        List<JsonNode> created = replies.stream().filter(r -> r.status() == 201).map(Reply::json).toList();
        assertThat(created).filteredOn(e -> "CONFIRMED".equals(e.path("status").asString())).hasSize(SEATS);
        List<Integer> positions = created.stream().filter(e -> "WAITLISTED".equals(e.path("status").asString()))
                .map(e -> e.path("waitlistPosition").asInt()).sorted().toList();
        assertThat(positions).containsExactly(1, 2, 3);
        assertThat(statuses.get(409)).isEqualTo((long) PARENTS - SEATS - WAITLIST);

        int confirmedIndex = indexOf(replies, "CONFIRMED", 0);
        int firstWaitlisted = indexOfPosition(replies, 1);
        Parent canceller = parents.get(confirmedIndex);
        Parent promoted = parents.get(firstWaitlisted);

        Reply again = registration.enrol(programmeId, canceller.token(), canceller.idempotencyKey(), canceller.body()).join();
        assertThat(again.status()).as("same key, same body").isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(replies.get(confirmedIndex).json().path("id").asString());

        Reply cancelled = registration.cancel(replies.get(confirmedIndex).json().path("id").asString(), canceller.token());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        String promotedId = replies.get(firstWaitlisted).json().path("id").asString();
        assertThat(stack.http.get(stack.endpoints.registration() + "/api/enrollments/" + promotedId,
                Http.bearer(promoted.token())).expect(200).json().path("status").asString()).isEqualTo("CONFIRMED");

        Roster roster = Roster.of(registration.roster(programmeId));
        assertThat(roster.confirmed()).hasSize(SEATS);
        assertThat(roster.waitlist()).hasSize(WAITLIST - 1);
        assertThat(roster.waitlistConsistent()).as("waitlist positions %s", roster.waitlistPositions()).isTrue();
        assertThat(roster.confirmed().toString()).contains(promoted.email()).doesNotContain(canceller.email());

        Map<String, Integer> expectedMails = new java.util.HashMap<>();
        for (int i = 0; i < PARENTS; i++) {
            int status = replies.get(i).status();
            expectedMails.put(parents.get(i).email(), status == 201 ? 1 : 0);
        }
        expectedMails.merge(canceller.email(), 1, Integer::sum);
        expectedMails.merge(promoted.email(), 1, Integer::sum);
        await("parent e-mails").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(mailCounts(tag)).isEqualTo(withoutZeros(expectedMails)));
        await("no duplicate e-mails").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(mailCounts(tag)).isEqualTo(withoutZeros(expectedMails)));
        assertThat(mailsTo(promoted.email())).extracting(E2eStack.Mail::subject).doesNotHaveDuplicates();
        assertThat(mailsTo(canceller.email())).extracting(E2eStack.Mail::subject).doesNotHaveDuplicates();
    }

    private Map<String, Integer> mailCounts(String tag) {
        return stack.mails().stream().filter(mail -> mail.to().contains(tag))
                .collect(Collectors.toMap(mail -> address(mail.to()), mail -> 1, Integer::sum));
    }

    /** The bare address, whether the sink shows {@code a@b} or {@code Name <a@b>}. */
    private static String address(String to) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("[^<>\\s,]+@[^<>\\s,]+").matcher(to);
        return matcher.find() ? matcher.group() : to;
    }

    private List<E2eStack.Mail> mailsTo(String email) {
        return stack.mails().stream().filter(mail -> mail.to().contains(email)).toList();
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static int indexOf(List<Reply> replies, String status, int from) {
        for (int i = from; i < replies.size(); i++) {
            if (replies.get(i).status() == 201 && status.equals(replies.get(i).json().path("status").asString())) {
                return i;
            }
        }
        throw new AssertionError("no " + status + " enrollment");
    }

    private static int indexOfPosition(List<Reply> replies, int position) {
        for (int i = 0; i < replies.size(); i++) {
            JsonNode body = replies.get(i).json();
            if (replies.get(i).status() == 201 && "WAITLISTED".equals(body.path("status").asString())
                    && body.path("waitlistPosition").asInt() == position) {
                return i;
            }
        }
        throw new AssertionError("no waitlist position " + position);
    }
}
