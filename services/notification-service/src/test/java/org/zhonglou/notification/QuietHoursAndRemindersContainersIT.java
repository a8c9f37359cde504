package org.zhonglou.notification;

import org.zhonglou.testsupport.ContainersStackTest;

/** The same scenarios on apache/kafka and mongo:8 containers; skipped where no Docker engine runs. */
@ContainersStackTest
class QuietHoursAndRemindersContainersIT extends QuietHoursAndRemindersIT {
}
