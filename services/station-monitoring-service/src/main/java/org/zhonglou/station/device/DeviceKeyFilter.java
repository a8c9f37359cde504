package org.zhonglou.station.device;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhonglou.support.security.ProblemSecurityHandlers;

/**
 * Authenticates station devices by {@code X-Device-Key}; a wrong key is a 401 at once, and an address that
 * sent too many wrong keys lately a 429 before any look-up ({@link DeviceKeyGuard}).
 */
final class DeviceKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Device-Key";

    private final Devices devices;
    private final DeviceKeyGuard guard;
    private final ProblemSecurityHandlers problems;

    DeviceKeyFilter(Devices devices, DeviceKeyGuard guard, ProblemSecurityHandlers problems) {
        this.devices = devices;
        this.guard = guard;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        KeyCheck check;
        try {
            check = guard.check(request.getRemoteAddr(), key, devices::authenticate);
        } catch (DataAccessException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                    "The data store is not reachable; try again shortly.");
            return;
        }
        if (check instanceof KeyCheck.Known known) {
            SecurityContextHolder.getContext().setAuthentication(new DeviceAuthentication(known.device()));
            chain.doFilter(request, response);
        } else if (check instanceof KeyCheck.Throttled throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds()));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "Too many wrong device keys from this address; try again later.");
        } else {
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "The device key is not valid.");
        }
    }
}
