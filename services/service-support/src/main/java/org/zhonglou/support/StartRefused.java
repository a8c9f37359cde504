package org.zhonglou.support;

/**
 * A configuration a service must not run with (a dev-only key outside the local profile, a malformed
 * key). Spring Boot reports it as its short start-up failure (what is wrong, what to do) instead of a
 * stack trace: {@link StartRefusedFailureAnalyzer}.
 */
public class StartRefused extends IllegalStateException {

    private final String action;

    public StartRefused(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
