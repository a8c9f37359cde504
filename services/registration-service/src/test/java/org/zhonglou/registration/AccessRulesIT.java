package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhonglou.registration.Samples.*;

import org.junit.jupiter.api.Test;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TestTokens;

/** Deny by default, and HEAD and OPTIONS obey the rules of GET. */
@LocalStackTest
class AccessRulesIT extends StackScenarios {

    @Test
    void aParentCannotReadARosterWithHeadOrOptionsEither() {
        String programme = createProgramme(api(), programme(5, 5));
        enrol(api(), programme, unique("p"), "k", enrollment(unique("小明"), 1));
        String roster = "/api/programmes/" + programme + "/roster";

        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertThat(call(method, roster, TestTokens.parent(unique("p"))).status()).as(method).isEqualTo(403);
            assertThat(call(method, roster, null).status()).as(method).isEqualTo(401);
            assertThat(call(method, roster, TestTokens.staff("staff-1")).status()).as(method).isEqualTo(200);
        }
        assertThat(call("HEAD", "/api/programmes/" + programme, null).status()).isEqualTo(200);
        assertThat(call("HEAD", "/api/enrollments", TestTokens.staff("staff-1")).status()).isEqualTo(403);
    }

    @Test
    void unknownPathsAreDeniedWhoeverAsks() {
        for (String path : new String[] {"/api/nothing-here", "/api/programmes/x/y/z", "/nothing", "/actuator/env"}) {
            assertThat(call("GET", path, null).status()).as(path).isEqualTo(401);
            assertThat(call("GET", path, TestTokens.staff("staff-1")).status()).as(path).isEqualTo(403);
            assertThat(call("POST", path, TestTokens.parent("p")).status()).as(path).isEqualTo(403);
        }
        ApiClient.Answer answer = call("DELETE", "/api/programmes", TestTokens.staff("staff-1"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    private ApiClient.Answer call(String method, String path, String token) {
        ApiClient.Call call = api().method(method, path);
        return token == null ? call.send() : call.bearer(token).send();
    }
}
