package org.zhonglou.support.devonly;

import java.util.List;
import org.zhonglou.support.StartRefused;

/** A start without the local profile found a dev-only value unset or still published; see {@link DevOnlyGuard}. */
public class DevOnlyValueRefused extends StartRefused {

    DevOnlyValueRefused(List<String> problems) {
        super("Refusing to start: " + String.join("; ", problems) + ". Dev-only defaults apply only with the"
                        + " local profile (SPRING_PROFILES_ACTIVE=local, as ./run.sh sets it), never with production.",
                "Set the variable(s) named above in the service's environment; see README, 'Keys and rotation'.");
    }
}
