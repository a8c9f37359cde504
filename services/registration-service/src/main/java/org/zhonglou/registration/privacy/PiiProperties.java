package org.zhonglou.registration.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for children's and guardians' personal data, each the base64 of 32 random bytes: the current
 * encryption and hash keys, and older ones (separated by commas) still read during a rotation.
 */
@ConfigurationProperties("zhonglou.pii")
public record PiiProperties(String encryptionKey, String encryptionOldKeys, String hashKey, String hashOldKeys) {
}
