package org.zhonglou.loadtools.client;

/**
 * Base URLs of the running stack. Defaults are the local stack's ports (api.md); each can be
 * overridden with a system property so the same tools can point at another deployment.
 */
public record Endpoints(String registration, String station, String notification, String mailSink,
                        String kafkaBrokers) {

    public static Endpoints fromSystemProperties() {
        return new Endpoints(
                property("zhonglou.registration.url", "http://localhost:8081"),
                property("zhonglou.station.url", "http://localhost:8082"),
                property("zhonglou.notification.url", "http://localhost:8083"),
                property("zhonglou.mail.url", "http://localhost:8025"),
                property("zhonglou.kafka.brokers", "localhost:9092"));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }
}
