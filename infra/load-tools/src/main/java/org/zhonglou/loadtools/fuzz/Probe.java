package org.zhonglou.loadtools.fuzz;

import java.util.Map;

/** One fuzzed request: which target made it, and everything needed to send it again. */
record Probe(String target, String method, String url, Map<String, String> headers, String body) {

    /** The request as text, as saved for a finding. */
    String describe() {
        StringBuilder out = new StringBuilder(method).append(' ').append(url).append('\n');
        headers.forEach((name, value) -> out.append(name).append(": ")
                .append(name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-Device-Key") ? "(set)" : value)
                .append('\n'));
        return out.append('\n').append(body == null ? "" : body).toString();
    }
}
