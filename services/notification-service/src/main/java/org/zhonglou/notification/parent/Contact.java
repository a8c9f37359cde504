package org.zhonglou.notification.parent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The registration service's answer; personal data, kept in memory only for the one e-mail. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Contact(String enrollmentId, String guardianId, String guardianName, String email, String phone,
               String language) {

    boolean english() {
        return language != null && language.toLowerCase().startsWith("en");
    }

    @Override
    public String toString() {
        return "Contact[enrollmentId=" + enrollmentId + ", guardianId=" + guardianId + "]";
    }
}
