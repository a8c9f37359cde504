package org.zhonglou.station.device;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhonglou.support.security.ProblemSecurityHandlers;

/** Authenticates station devices by {@code X-Device-Key}; a wrong key is a 401 at once. */
final class DeviceKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Device-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final Devices devices;
    private final ProblemSecurityHandlers problems;

    DeviceKeyFilter(Devices devices, ProblemSecurityHandlers problems) {
        this.devices = devices;
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
        Optional<DeviceIdentity> device;
        try {
            device = key.isBlank() || key.length() > MAX_KEY_LENGTH ? Optional.empty() : devices.authenticate(key);
        } catch (DataAccessException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                    "The data store is not reachable; try again shortly.");
            return;
        }
        if (device.isEmpty()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "The device key is not valid.");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new DeviceAuthentication(device.get()));
        chain.doFilter(request, response);
    }
}
