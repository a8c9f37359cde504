package org.zhonglou.stack;

/** The fixed local ports; the services, the README and the docs all assume these. */
public final class Ports {

    public static final int KAFKA = 9092;
    public static final int KAFKA_CONTROLLER = 9093;
    public static final int STORE = 27017;
    public static final int SMTP = 1025;
    public static final int MAIL_HTTP = 8025;
    public static final int REGISTRATION = 8081;
    public static final int STATION_MONITORING = 8082;
    public static final int NOTIFICATION = 8083;
    /** Registration's {@code /internal/**} connector; not published outside a host in production. */
    public static final int REGISTRATION_INTERNAL = 8181;
    public static final int IDENTITY = 9000;
    /** The staff console (console/): the page, its login and the relayed APIs. */
    public static final int CONSOLE = 8080;

    public static final String HOST = "127.0.0.1";

    private Ports() {
    }
}
