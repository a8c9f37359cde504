package org.zhonglou.registration;

import org.zhonglou.testsupport.ContainersStackTest;

@ContainersStackTest
class SignUpContainersIT extends SignUpScenarios {
}
