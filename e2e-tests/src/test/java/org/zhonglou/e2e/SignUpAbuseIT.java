package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhonglou.httpclient.Http;
import org.zhonglou.httpclient.Reply;
import org.zhonglou.loadtools.client.RegistrationApi;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sign-up rules a parent's app meets on the started stack: invisible characters do not make another
 * child, guardian fields refuse control characters, one guardian holds at most three places in a
 * programme, and a roster cannot be read with HEAD by a parent.
 */
class SignUpAbuseIT {

    private final E2eStack stack = E2eStack.get();
    private final RegistrationApi registration = stack.registration();

    @Test
    void zeroWidthNamesControlCharactersTheGuardianLimitAndHeadOfARoster() {
        String tag = E2eStack.unique("abuse");
        String programmeId = registration.createProgramme("Abuse " + tag, 10, 10);
        String mother = stack.token(tag + "-mother", "PARENT");
        String father = stack.token(tag + "-father", "PARENT");

        Reply first = enrol(programmeId, mother, "k1", "Li Ming " + tag, 1);
        Reply invisible = enrol(programmeId, father, "k1", "Li\u200BMing\u2060 " + tag, 1);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(invisible.status()).as(invisible.body()).isEqualTo(409);
        assertThat(invisible.json().path("type").asString()).isEqualTo("/problems/duplicate-child");

        ObjectNode injected = RegistrationApi.enrollment("Wang Fang " + tag, "Guardian\nX-Admin: yes",
                tag + "@example.test", 2);
        Reply refused = registration.enrol(programmeId, father, "k2", injected).join();
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("guardian.fullName");

        assertThat(enrol(programmeId, mother, "k2", "Second " + tag, 3).status()).isEqualTo(201);
        assertThat(enrol(programmeId, mother, "k3", "Third " + tag, 4).status()).isEqualTo(201);
        Reply fourth = enrol(programmeId, mother, "k4", "Fourth " + tag, 5);
        assertThat(fourth.status()).as(fourth.body()).isEqualTo(409);
        assertThat(fourth.json().path("type").asString()).isEqualTo("/problems/guardian-limit");

        String roster = stack.endpoints.registration() + "/api/programmes/" + programmeId + "/roster";
        assertThat(stack.http.send("HEAD", roster, Http.bearer(mother), null).status()).isEqualTo(403);
        assertThat(stack.http.send("HEAD", roster, Map.of(), null).status()).isEqualTo(401);
        assertThat(stack.http.send("HEAD", roster, Http.bearer(stack.token(tag + "-staff", "STAFF")), null).status())
                .isEqualTo(200);
    }

    private Reply enrol(String programmeId, String token, String key, String childName, int n) {
        return registration.enrol(programmeId, token, key,
                RegistrationApi.enrollment(childName, "Guardian " + n, "g" + n + "@example.test", n)).join();
    }
}
