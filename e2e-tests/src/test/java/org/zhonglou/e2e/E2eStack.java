package org.zhonglou.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhonglou.httpclient.Http;
import org.zhonglou.loadtools.client.Endpoints;
import org.zhonglou.loadtools.client.LocalStack;
import org.zhonglou.loadtools.client.RegistrationApi;
import org.zhonglou.loadtools.client.StationApi;
import tools.jackson.databind.JsonNode;

/**
 * The running stack as a client sees it. Base URLs come from system properties (see {@link Endpoints});
 * {@code DATA_DIR} tells where the dev key and the pid files are. If the services are not up, the stack
 * is started the README's way ({@code ./run.sh start}) and stopped again when the test JVM ends.
 */
final class E2eStack {

    private static E2eStack instance;
    private static RuntimeException startFailure;

    final Endpoints endpoints = Endpoints.fromSystemProperties();
    final LocalStack stack = LocalStack.fromEnvironment();
    final Http http = new Http(Duration.ofSeconds(30));

    private E2eStack() {
    }

    static synchronized E2eStack get() {
        if (startFailure != null) {
            // One failed start is enough: every other test class would wait minutes for the same answer.
            throw startFailure;
        }
        if (instance == null) {
            E2eStack created = new E2eStack();
            if (!created.servicesUp()) {
                try {
                    created.stack.runSh(Duration.ofMinutes(10), "start");
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> created.stack.runSh(Duration.ofMinutes(2), "stop")));
            }
            instance = created;
        }
        return instance;
    }

    boolean servicesUp() {
        return List.of(endpoints.registration(), endpoints.station(), endpoints.notification()).stream()
                .allMatch(base -> http.get(base + "/actuator/health", Map.of()).status() == 200);
    }

    /** A Kafka client of the stack's broker logged in as its admin (the password is in DATA_DIR). */
    Map<String, Object> kafkaClient() {
        return stack.kafkaClient(endpoints.kafkaBrokers());
    }

    /** A short id unique to this call, for station ids, programme names and people. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String token(String subject, String role) {
        return stack.token(subject, role);
    }

    StationApi stations() {
        return new StationApi(http, endpoints, token("e2e-staff", "STAFF"));
    }

    RegistrationApi registration() {
        return new RegistrationApi(http, endpoints, token("e2e-staff", "STAFF"));
    }

    /** What the SMTP sink received: one entry per message, addressed to {@code to}. */
    record Mail(String to, String subject, String text) {
    }

    List<Mail> mails() {
        JsonNode list = http.get(endpoints.mailSink() + "/messages", Map.of()).expect(200).json();
        List<Mail> mails = new ArrayList<>();
        for (JsonNode message : list) {
            JsonNode to = message.path("to");
            List<String> recipients = new ArrayList<>();
            if (to.isArray()) {
                to.forEach(address -> recipients.add(address.asString()));
            } else {
                recipients.add(to.asString(""));
            }
            mails.add(new Mail(String.join(",", recipients), message.path("subject").asString(""), message.path("text").asString("")));
        }
        return mails;
    }
}
