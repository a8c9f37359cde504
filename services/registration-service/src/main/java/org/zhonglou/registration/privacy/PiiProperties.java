package org.zhonglou.registration.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Keys for children's and guardians' personal data, each the base64 of 32 random bytes. */
@ConfigurationProperties("zhonglou.pii")
public record PiiProperties(String encryptionKey, String hashKey) {
}
