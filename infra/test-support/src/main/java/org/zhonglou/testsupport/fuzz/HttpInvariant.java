package org.zhonglou.testsupport.fuzz;

import org.zhonglou.testsupport.ApiClient;

/** What every answer to any input must be: a success, or a client error explained as problem+json. */
public final class HttpInvariant {

    private static final int SHOWN = 2_000;

    private HttpInvariant() {
    }

    /** @throws AssertionError naming the request and input when the answer is a 5xx or a bare 4xx */
    public static ApiClient.Answer check(String request, String input, ApiClient.Answer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return answer;
        }
        String type = answer.header("Content-Type");
        if (status >= 400 && status < 500 && type != null && type.startsWith("application/problem+json")) {
            return answer;
        }
        throw new AssertionError(request + " answered " + status + " (" + type + ") " + shorten(answer.body())
                + "\ninput: " + shorten(input));
    }

    public static String shorten(String text) {
        return text == null || text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length()
                + " characters)";
    }
}
