package org.zhonglou.console;

import java.io.IOException;
import java.time.Clock;
import java.util.logging.Logger;

/** {@code java -jar console.jar}: the staff console on SERVER_PORT (8080), configured by the environment. */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) throws IOException {
        ConsoleSettings settings = ConsoleSettings.fromEnvironment(System.getenv());
        ConsoleServer server = new ConsoleServer(settings, Clock.systemUTC()).start();
        Logger.getLogger(ConsoleMain.class.getName()).info(() -> "staff console on port " + server.port()
                + ", identity provider " + settings.issuer());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
}
