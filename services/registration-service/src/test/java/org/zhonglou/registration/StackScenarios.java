package org.zhonglou.registration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.zhonglou.testsupport.ApiClient;

/** What every scenario class needs; the concrete test picks the stack (local or containers). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StackScenarios {

    @Value("${local.server.port}")
    protected int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    protected String brokers;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected Environment environment;

    protected ApiClient api() {
        return ApiClient.localhost(port);
    }

    /** Registration's internal port, the only one that serves {@code /internal/**}. */
    protected ApiClient internalApi() {
        return ApiClient.localhost(environment.getRequiredProperty("local.internal.port", Integer.class));
    }
}
