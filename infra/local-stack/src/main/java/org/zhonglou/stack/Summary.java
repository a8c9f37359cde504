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

                  registration         http://localhost:8081   API docs http://localhost:8081/swagger-ui.html
                  station monitoring   http://localhost:8082   API docs http://localhost:8082/swagger-ui.html
                  notification         http://localhost:8083   API docs http://localhost:8083/swagger-ui.html
                  health               http://localhost:808{1,2,3}/actuator/health
                  mail sink            http://localhost:8025/messages   (SMTP on localhost:1025)
                  kafka                localhost:9092        store  mongodb://localhost:27017

                Tokens (signed with the dev key in %3$s; roles PARENT, STAFF, SERVICE):
                  ./run.sh token parent-1 PARENT

                Try it:
                  PARENT=$(./run.sh token parent-1 PARENT | tail -1)
                  STAFF=$(./run.sh token staff-1 STAFF | tail -1)

                  # a parent signs a child up (PROGRAMME_ID from: curl -s http://localhost:8081/api/programmes)
                  curl -s -X POST http://localhost:8081/api/programmes/$PROGRAMME_ID/enrollments \\
                    -H "Authorization: Bearer $PARENT" -H 'Idempotency-Key: 5d0f7c1e-2a4b-4c6d-8e9f-1a2b3c4d5e6f' \\
                    -H 'Content-Type: application/json' \\
                    -d '{"child":{"fullName":"王小明","dateOfBirth":"2016-05-01"},"guardian":{"fullName":"王芳","phone":"+86 138 0013 8000","email":"wang.fang@example.com"},"consentGiven":true}'

                  # a station device sends a reading (DEVICE_KEY from: POST /api/stations/longjiang-road/devices as STAFF)
                  curl -s -X POST http://localhost:8082/api/stations/longjiang-road/readings \\
                    -H "X-Device-Key: $DEVICE_KEY" -H 'Content-Type: application/json' \\
                    -d '{"metric":"fill_level_pct","value":87.5}'

                  # staff subscribe to MAJOR and worse alerts of that station by e-mail
                  curl -s -X POST http://localhost:8083/api/subscriptions \\
                    -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \\
                    -d '{"channel":"EMAIL","target":"ops@example.com","stationIds":["longjiang-road"],"minSeverity":"MAJOR","includeResolved":true}'

                ./run.sh status shows each part; ./run.sh stop stops them all.
                """.formatted(paths.dataDir(), paths.logs(), paths.keys());
    }
}
