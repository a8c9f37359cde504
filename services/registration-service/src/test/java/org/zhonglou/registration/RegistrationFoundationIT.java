package org.zhonglou.registration;

import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.testsupport.FoundationScenarios;
import org.zhonglou.testsupport.LocalStackTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class RegistrationFoundationIT extends FoundationScenarios {

    @Override
    protected String protectedPostPath() {
        return "/api/programmes";
    }

    @Override
    protected String validBody() {
        return """
                {"name": "泰盈社区爱心暑托班", "community": "泰盈社区", "location": "泰盈社区活动中心",
                 "startDate": "2099-07-08", "endDate": "2099-08-16", "dropOffTime": "08:00",
                 "minAge": 6, "maxAge": 12, "capacity": 30, "waitlistCapacity": 50,
                 "signupOpensAt": "2099-07-01T12:00:00Z", "signupClosesAt": "2099-07-05T12:00:00Z"}
                """;
    }

    /** Registration names every path it serves; the rest is denied even to staff. */
    @Override
    protected int unknownApiPathStatus() {
        return 403;
    }

    @Override
    protected String allowedRole() {
        return "STAFF";
    }
}
