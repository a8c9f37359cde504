package org.zhonglou.station.ingest;

import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.testsupport.LocalStackTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class IngestIT extends IngestScenarios {
}
