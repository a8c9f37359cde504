package org.zhonglou.station.device;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.zhonglou.support.security.ApiSecurityCustomizer;
import org.zhonglou.support.security.ProblemSecurityHandlers;
import org.zhonglou.support.security.Reads;

/**
 * Devices may call only their three endpoints, and only with a device key (a HEAD of the pending
 * commands is a read like GET, not a way round the device rule); every other API call is for staff. The filter is created here, not as a bean, so the servlet container does not also run it
 * outside the security chain.
 */
@Configuration(proxyBeanMethods = false)
class DeviceSecurity {

    @Bean
    ApiSecurityCustomizer stationAccessRules(Devices devices, DeviceKeyGuard guard, ProblemSecurityHandlers problems) {
        return http -> http
                .addFilterBefore(new DeviceKeyFilter(devices, guard, problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/stations/*/readings").hasRole(DeviceAuthentication.ROLE)
                        .requestMatchers(Reads.of("/api/stations/*/commands/pending"))
                        .hasRole(DeviceAuthentication.ROLE)
                        .requestMatchers(HttpMethod.POST, "/api/commands/*/result").hasRole(DeviceAuthentication.ROLE)
                        .requestMatchers("/api/**").hasRole("STAFF"));
    }
}
