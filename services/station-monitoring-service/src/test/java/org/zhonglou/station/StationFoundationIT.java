package org.zhonglou.station;

import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.testsupport.FoundationScenarios;
import org.zhonglou.testsupport.LocalStackTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class StationFoundationIT extends FoundationScenarios {

    @Override
    protected String protectedPostPath() {
        return "/api/stations";
    }

    @Override
    protected String validBody() {
        return """
                {"id": "foundation-%s", "name": "龙江路垃圾转运站", "address": "常州市钟楼区龙江路",
                 "dailyCapacityTonnes": 200}
                """.formatted(Long.toHexString(System.nanoTime()));
    }

    @Override
    protected String allowedRole() {
        return "STAFF";
    }
}
