package org.zhonglou.support.devonly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * A value published in this repository for the local stack alone: a dev key, a dev client secret. A
 * service declares its own in its {@code application.yml}, and reads the property through the variable
 * with an empty default ({@code encryption-key: ${PII_ENCRYPTION_KEY:}}):
 *
 * <pre>
 * zhonglou:
 *   dev-only:
 *     - variable: PII_ENCRYPTION_KEY             # what an operator sets
 *       property: zhonglou.pii.encryption-key    # what the service reads
 *       value: ZGV2LW9ubHktcGlpLWVuY3J5cHRpb24ta2V5LTMyYiE=
 *       hint: base64 of 32 random bytes (openssl rand -base64 32)
 * </pre>
 *
 * With the {@code local} profile (which {@code ./run.sh} sets) the dev value stands in for an unset
 * variable ({@link DevOnlyDefaults}). Any other start refuses to run while the property is unset or still
 * the published value, in one line that names the variable ({@link DevOnlyGuard}). A yml list is replaced,
 * not merged, by a later source: keep all of a service's entries in one list.
 */
public record DevOnlyValue(String variable, String property, String value, String hint) {

    static final String PREFIX = "zhonglou.dev-only";

    static List<DevOnlyValue> declared(Environment environment) {
        return Binder.get(environment).bind(PREFIX, Bindable.listOf(DevOnlyValue.class)).orElse(List.of());
    }

    /**
     * Dev values only on a development machine: the local profile, and no production profile beside it
     * (a start with both is a mistake that should not quietly encrypt children's data with a public key).
     */
    static boolean devValuesAllowed(Environment environment) {
        return environment.acceptsProfiles(Profiles.of("local"))
                && !environment.acceptsProfiles(Profiles.of("production | prod"));
    }

    /** What is wrong with the configured values, one phrase per variable; empty when all are fine. */
    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        for (DevOnlyValue declared : declared(environment)) {
            String actual = resolve(environment, declared.property());
            if (actual == null || actual.isBlank()) {
                problems.add(declared.variable() + " is not set" + hint(declared));
            } else if (sameValue(actual, declared.value())) {
                problems.add(declared.variable() + " is the published dev-only value" + hint(declared));
            }
        }
        return problems;
    }

    /**
     * The same value, also in another spelling of the same base64 bytes (no padding, URL-safe alphabet,
     * line breaks): otherwise a published key would pass as "another" key.
     */
    static boolean sameValue(String actual, String published) {
        if (actual.strip().equals(published.strip())) {
            return true;
        }
        byte[] actualBytes = base64(actual);
        return actualBytes != null && actualBytes.length > 0 && Arrays.equals(actualBytes, base64(published));
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String resolve(Environment environment, String property) {
        try {
            return environment.getProperty(property);
        } catch (IllegalArgumentException unresolvablePlaceholder) {
            return null;
        }
    }

    private static String hint(DevOnlyValue declared) {
        return declared.hint() == null || declared.hint().isBlank() ? "" : " (expected: " + declared.hint() + ")";
    }
}
