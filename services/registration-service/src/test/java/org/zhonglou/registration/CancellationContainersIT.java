package org.zhonglou.registration;

import org.zhonglou.testsupport.ContainersStackTest;

@ContainersStackTest
class CancellationContainersIT extends CancellationScenarios {
}
