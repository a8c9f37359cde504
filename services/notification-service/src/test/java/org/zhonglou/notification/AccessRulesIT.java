package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;

/** Deny by default, and HEAD and OPTIONS obey the rules of GET. */
class AccessRulesIT extends NotificationScenario {

    @Test
    void aParentCannotReadStaffDataWithHeadOrOptions() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            for (String path : new String[] {"/api/deliveries", "/api/subscriptions"}) {
                assertThat(call(method, path, TestTokens.parent("p")).status()).as(method + " " + path).isEqualTo(403);
                assertThat(call(method, path, null).status()).as(method + " " + path).isEqualTo(401);
                assertThat(call(method, path, TestTokens.staff("staff-a")).status()).as(method + " " + path)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void unknownPathsAreDeniedWhoeverAsks() {
        for (String path : new String[] {"/api-nothing", "/nothing", "/actuator/env", "/internal/x"}) {
            assertThat(call("GET", path, null).status()).as(path).isEqualTo(401);
            assertThat(call("GET", path, TestTokens.staff("staff-a")).status()).as(path).isEqualTo(403);
        }
    }

    private ApiClient.Answer call(String method, String path, String token) {
        ApiClient.Call call = api().method(method, path);
        return token == null ? call.send() : call.bearer(token).send();
    }
}
