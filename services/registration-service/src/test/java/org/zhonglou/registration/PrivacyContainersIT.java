package org.zhonglou.registration;

import org.zhonglou.testsupport.ContainersStackTest;

@ContainersStackTest
class PrivacyContainersIT extends PrivacyScenarios {
}
