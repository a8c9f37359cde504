package org.zhonglou.registration;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalMongo;
import org.zhonglou.testsupport.LocalStackTest;

/** Two instances on one store: the guard is the store's conditional update, not a lock in memory. */
@LocalStackTest
class TwoInstancesIT extends StackScenarios {

    @Test
    void twoHundredSignUpsSplitOverTwoInstancesNeverOverbook() throws Exception {
        try (ConfigurableApplicationContext second = Instances.start(LocalMongo.shared().uri("it"), brokers, Map.of())) {
            ApiClient one = api();
            ApiClient two = Instances.api(second);
            RushScenarios.twoHundredParentsForThirtySeats(n -> n % 2 == 0 ? one : two);
        }
    }
}
