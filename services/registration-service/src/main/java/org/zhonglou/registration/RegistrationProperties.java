package org.zhonglou.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Service settings; see application.yml for their meaning and environment overrides. */
@ConfigurationProperties("zhonglou.registration")
public record RegistrationProperties(String consentTextVersion, int purgeAfterDays, String purgeCron) {
}
