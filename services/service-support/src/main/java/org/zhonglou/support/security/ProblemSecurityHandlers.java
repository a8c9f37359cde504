package org.zhonglou.support.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.zhonglou.support.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/** 401, 403 and the firewall's 400 as problem details, like every other refusal of the API. */
public final class ProblemSecurityHandlers {

    private final JsonMapper jsonMapper;

    public ProblemSecurityHandlers(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Send a valid bearer token (or, for station devices, an X-Device-Key).");
        };
    }

    public AccessDeniedHandler accessDeniedHandler() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this call.");
    }

    public RequestRejectedHandler requestRejectedHandler() {
        return (request, response, exception) -> write(response, HttpStatus.BAD_REQUEST, "rejected-request",
                "Request refused", "The request's URL or headers hold characters this API never accepts.");
    }

    public void write(HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        jsonMapper.writeValue(response.getOutputStream(), Problems.body(status, slug, title, detail, null));
    }
}
