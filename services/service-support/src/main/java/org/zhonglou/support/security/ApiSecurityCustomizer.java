package org.zhonglou.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A service's own access rules (its public reads, its role checks, extra authentication filters),
 * applied before the shared defaults: health and API docs open, {@code /internal/**} for the SERVICE
 * role, everything else denied. Rules for reads use {@link Reads} so that HEAD and OPTIONS obey them too.
 */
@FunctionalInterface
public interface ApiSecurityCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
