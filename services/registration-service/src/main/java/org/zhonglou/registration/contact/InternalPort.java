package org.zhonglou.registration.contact;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhonglou.support.security.ProblemSecurityHandlers;

/**
 * {@code /internal/**} on its own port ({@code INTERNAL_PORT}; 8181 locally, 0 for a free one), which a
 * deployment keeps off the public network: a second Tomcat connector, and a filter ahead of security
 * that answers 404 for {@code /internal/**} on the public port and for everything else on the internal one.
 */
@Configuration(proxyBeanMethods = false)
class InternalPort {

    private final Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> internalConnector(
            @Value("${zhonglou.registration.internal-port}") int port) {
        connector.setPort(port);
        return factory -> factory.addAdditionalConnectors(connector);
    }

    /** The port actually bound, as {@code local.internal.port} (like {@code local.server.port}), for tests. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> internalPortProperty(ConfigurableEnvironment environment) {
        return event -> environment.getPropertySources().addFirst(new MapPropertySource("internal-port",
                Map.of("local.internal.port", connector.getLocalPort())));
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> internalPortFilter(ProblemSecurityHandlers problems) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                // The decoded, normalised path the handlers are chosen by, not the raw URI (/%69nternal/...).
                String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
                boolean internalPath = path.equals("/internal") || path.startsWith("/internal/");
                boolean internalPort = request.getLocalPort() == connector.getLocalPort();
                if (internalPath != internalPort) {
                    problems.write(response, HttpStatus.NOT_FOUND, "not-found", "Not found",
                            "No such resource.");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
