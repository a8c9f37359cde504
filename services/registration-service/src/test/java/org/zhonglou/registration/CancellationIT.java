package org.zhonglou.registration;

import org.zhonglou.testsupport.LocalStackTest;

@LocalStackTest
class CancellationIT extends CancellationScenarios {
}
