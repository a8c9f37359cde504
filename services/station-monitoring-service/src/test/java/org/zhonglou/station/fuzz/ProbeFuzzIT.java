package org.zhonglou.station.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.station.StationApi;
import org.zhonglou.testsupport.LocalStackTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class ProbeFuzzIT {

    @Value("${local.server.port}")
    int port;

    @FuzzTest(maxDuration = "5s")
    void probe(FuzzedDataProvider data) {
        String s = data.consumeRemainingAsString();
        int status = new StationApi(port).get("/api/stations/" + java.net.URLEncoder.encode(s + "x", java.nio.charset.StandardCharsets.UTF_8)).status();
        System.out.println("STATUS " + status);
        assertThat(status).isLessThan(500);
    }
}
