package org.zhonglou.stack;

/**
 * What a person needs once the stack is up. The curl examples are the same as in the README; change
 * both together.
 */
final class Summary {

    private Summary() {
    }

    static String text(StackPaths paths) {
        return """

                Zhonglou local stack is up.  Data: %1$s   Logs: %2$s

                  staff console        http://localhost:8080   (log in as staff / dev)
                  registration         http://localhost:8081   API docs http://localhost:8081/swagger-ui.html
                  station monitoring   http://localhost:8082   API docs http://localhost:8082/swagger-ui.html
                  notification         http://localhost:8083   API docs http://localhost:8083/swagger-ui.html
                  health               http://localhost:808{1,2,3}/actuator/health
                  mail sink            http://localhost:8025/messages   (SMTP on localhost:1025)
                  kafka                localhost:9092        store  mongodb://localhost:27017
                  identity provider    http://localhost:9000 (browser logins staff/dev, parent/dev; local only)

                Tokens from the identity provider (roles PARENT, STAFF, SERVICE):
                  ./run.sh token parent-1 PARENT

                Try it (the README's walkthrough has the steps that create the programme and the device):
                  PARENT=$(./run.sh token parent-1 PARENT | tail -1)
                  STAFF=$(./run.sh token staff-1 STAFF | tail -1)

                  # a parent signs a child up (PROGRAMME: an id from curl -s localhost:8081/api/programmes)
                  curl -s -X POST localhost:8081/api/programmes/$PROGRAMME/enrollments -H "Authorization: Bearer $PARENT" \\
                    -H 'Content-Type: application/json' -H "Idempotency-Key: signup-$(date +%%s%%N)" -d '{
                    "child": {"fullName": "王小明", "dateOfBirth": "2018-05-01"},
                    "guardian": {"fullName": "王芳", "phone": "13800000000", "email": "wang.fang@example.cn"},
                    "consentGiven": true}'

                  # a station sensor posts readings (KEY: from POST /api/stations/longjiang-road/devices as STAFF)
                  curl -s -X POST localhost:8082/api/stations/longjiang-road/readings -H "X-Device-Key: $KEY" \\
                    -H 'Content-Type: application/json' -d '[{"metric": "negative_pressure_pa", "value": -5},
                    {"metric": "h2s_ppm", "value": 25}]'

                  # staff subscribe a webhook to the station alerts
                  curl -s -X POST localhost:8083/api/subscriptions -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \\
                    -d '{"channel": "WEBHOOK", "target": "http://127.0.0.1:9999/hook", "minSeverity": "WARNING", "includeResolved": true}'

                ./run.sh status shows each part; ./run.sh stop stops them all.
                """.formatted(paths.dataDir(), paths.logs());
    }
}
