package org.zhonglou.registration;

import org.zhonglou.testsupport.LocalStackTest;

@LocalStackTest
class SignUpIT extends SignUpScenarios {
}
