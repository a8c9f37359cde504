package org.zhonglou.station.ingest;

import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.testsupport.ContainersStackTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContainersStackTest
class IngestContainersIT extends IngestScenarios {
}
