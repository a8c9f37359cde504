package org.zhonglou.support.devonly;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refusal into Spring Boot's short start-up failure report instead of a stack trace. */
public class DevOnlyValueFailureAnalyzer extends AbstractFailureAnalyzer<DevOnlyValueRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevOnlyValueRefused cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the variable(s) named above in the service's environment; see README, 'Keys and rotation'.",
                cause);
    }
}
