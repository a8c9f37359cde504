package org.zhonglou.support.devonly;

import java.util.List;

/** A start without the local profile found a dev-only value unset or still published; see {@link DevOnlyGuard}. */
public class DevOnlyValueRefused extends IllegalStateException {

    DevOnlyValueRefused(List<String> problems) {
        super("Refusing to start: " + String.join("; ", problems) + ". Dev-only defaults apply only with the"
                + " local profile (SPRING_PROFILES_ACTIVE=local, as ./run.sh sets it), never with production.");
    }
}
