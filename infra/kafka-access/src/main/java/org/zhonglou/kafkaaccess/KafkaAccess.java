package org.zhonglou.kafkaaccess;

import java.util.List;
import org.zhonglou.contracts.Topics;

/**
 * Who may do what on the broker, for the local stack, the test broker and (the same table, as
 * {@code infra/kafka/init-acls.sh}) the compose deployment. The group names are the services'
 * {@code spring.cloud.stream.bindings.*.group}; a test reads their {@code application.yml} to keep them equal.
 */
public final class KafkaAccess {

    /** The super user of the launcher, the tools and the end-to-end tests; the broker talks to itself as it too. */
    public static final String ADMIN = "admin";

    public static final ServiceAccess REGISTRATION = new ServiceAccess("registration-service",
            List.of(Topics.REGISTRATION_ENROLLMENTS), List.of());

    public static final ServiceAccess STATION_MONITORING = new ServiceAccess("station-monitoring-service",
            List.of(Topics.STATION_READINGS, Topics.STATION_ALERTS, Topics.STATION_COMMANDS),
            List.of(new ServiceAccess.Consumer(Topics.STATION_READINGS, "station-monitoring-service"),
                    new ServiceAccess.Consumer(Topics.STATION_READINGS, "station-monitoring-service-alerts")));

    public static final ServiceAccess NOTIFICATION = new ServiceAccess("notification-service",
            List.of(),
            List.of(new ServiceAccess.Consumer(Topics.STATION_ALERTS, "notification-service"),
                    new ServiceAccess.Consumer(Topics.REGISTRATION_ENROLLMENTS, "notification-service")));

    public static final List<ServiceAccess> SERVICES = List.of(REGISTRATION, STATION_MONITORING, NOTIFICATION);

    /** Every user with a password: the admin first, then one per service. */
    public static final List<String> USERS = List.of(ADMIN, REGISTRATION.user(), STATION_MONITORING.user(),
            NOTIFICATION.user());

    private KafkaAccess() {
    }
}
