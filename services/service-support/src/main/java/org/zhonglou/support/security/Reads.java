package org.zhonglou.support.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches reads of the given paths: GET and the methods that must obey the same rule. A rule written
 * for GET alone lets HEAD through to the catch-all, and Spring MVC answers HEAD by running the GET
 * handler (a PARENT's HEAD of a roster decrypted it and answered 200). OPTIONS describes the resource,
 * so it is allowed to exactly those who may read it.
 */
public final class Reads {

    private static final List<HttpMethod> READ_METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private Reads() {
    }

    public static RequestMatcher of(String... patterns) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            for (HttpMethod method : READ_METHODS) {
                matchers.add(PathPatternRequestMatcher.withDefaults().matcher(method, pattern));
            }
        }
        return new OrRequestMatcher(matchers);
    }
}
