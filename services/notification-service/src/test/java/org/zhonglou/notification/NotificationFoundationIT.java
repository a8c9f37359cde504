package org.zhonglou.notification;

import org.zhonglou.testsupport.FoundationScenarios;

@NotificationStackTest
class NotificationFoundationIT extends FoundationScenarios {

    @Override
    protected String protectedPostPath() {
        return "/api/subscriptions";
    }

    @Override
    protected String validBody() {
        return """
                {"channel": "WEBHOOK", "target": "http://127.0.0.1:9/hook", "stationIds": ["longjiang-road"],
                 "minSeverity": "MAJOR", "includeResolved": true,
                 "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "Asia/Shanghai"}}
                """;
    }

    @Override
    protected String allowedRole() {
        return "STAFF";
    }
}
