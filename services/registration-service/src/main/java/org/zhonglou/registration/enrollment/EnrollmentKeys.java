package org.zhonglou.registration.enrollment;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.zhonglou.registration.privacy.PiiCipher;
import org.zhonglou.registration.privacy.PiiHasher;
import org.zhonglou.registration.seats.LedgerMembers;
import org.zhonglou.support.keys.RekeyJob;

/** The enrollments' re-encryption job; service-support runs it (schedule, STAFF endpoint). */
@Configuration(proxyBeanMethods = false)
class EnrollmentKeys {

    @Bean
    RekeyJob enrollmentRekeying(LedgerMembers members, PiiCipher cipher, PiiHasher hasher, MongoTemplate mongo,
                                Clock clock) {
        EnrollmentRekeying step = new EnrollmentRekeying(members, cipher, hasher, mongo);
        return new RekeyJob("enrollments", EnrollmentRecords.COLLECTION, List.of(cipher.keys(), hasher.keys()),
                step::rekey, mongo, clock);
    }
}
