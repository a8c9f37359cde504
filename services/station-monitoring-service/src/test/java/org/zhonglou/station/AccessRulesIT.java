package org.zhonglou.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TestTokens;

/** Deny by default, and HEAD and OPTIONS obey the rules of GET. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class AccessRulesIT {

    @Value("${local.server.port}")
    private int port;

    @Test
    void aParentCannotReadStaffDataWithHeadOrOptionsAndStaffCannotReadADevicesCommands() {
        StationApi stations = new StationApi(port);
        String station = stations.newStation(200);
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            for (String path : new String[] {"/api/stations", "/api/stations/" + station + "/status"}) {
                assertThat(call(method, path, TestTokens.parent("p")).status()).as(method + " " + path).isEqualTo(403);
                assertThat(call(method, path, null).status()).as(method + " " + path).isEqualTo(401);
                assertThat(call(method, path, StationApi.STAFF).status()).as(method + " " + path).isEqualTo(200);
            }
            assertThat(call(method, "/api/stations/" + station + "/commands/pending", StationApi.STAFF).status())
                    .as(method).isEqualTo(403);
        }
    }

    private ApiClient.Answer call(String method, String path, String token) {
        ApiClient.Call call = ApiClient.localhost(port).method(method, path);
        return token == null ? call.send() : call.bearer(token).send();
    }
}
