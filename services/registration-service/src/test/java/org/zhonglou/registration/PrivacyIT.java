package org.zhonglou.registration;

import org.zhonglou.testsupport.LocalStackTest;

@LocalStackTest
class PrivacyIT extends PrivacyScenarios {
}
