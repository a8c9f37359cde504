package org.zhonglou.support.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.zhonglou.support.StartRefused;

/**
 * How the service logs in to the broker, from {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_USERNAME} and {@code KAFKA_PASSWORD}: written into the binder's client configuration, which
 * every Kafka client of the service uses ({@link KafkaClients}). Unset or {@code PLAINTEXT} means no login
 * (the integration tests' embedded broker); a SASL protocol without a user or password refuses to start
 * instead of failing later, one refused connection at a time.
 */
public class KafkaLogin implements EnvironmentPostProcessor {

    static final String CONFIGURATION = "spring.cloud.stream.kafka.binder.configuration.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> login = properties(environment::getProperty);
        if (!login.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("zhonglou-kafka-login", login));
        }
    }

    interface Variables {
        String get(String name);
    }

    static Map<String, Object> properties(Variables variables) {
        String protocol = value(variables, "KAFKA_SECURITY_PROTOCOL");
        if (protocol == null || protocol.equalsIgnoreCase("PLAINTEXT")) {
            return Map.of();
        }
        protocol = protocol.toUpperCase(Locale.ROOT);
        if (!protocol.equals("SASL_PLAINTEXT") && !protocol.equals("SASL_SSL")) {
            throw refused("KAFKA_SECURITY_PROTOCOL is " + protocol + "; use SASL_PLAINTEXT, SASL_SSL or PLAINTEXT");
        }
        String mechanism = value(variables, "KAFKA_SASL_MECHANISM");
        mechanism = mechanism == null ? "SCRAM-SHA-512" : mechanism.toUpperCase(Locale.ROOT);
        String module = switch (mechanism) {
            case "SCRAM-SHA-512", "SCRAM-SHA-256" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
            case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
            default -> throw refused("KAFKA_SASL_MECHANISM is " + mechanism + "; use SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN");
        };
        String user = required(variables, "KAFKA_USERNAME", protocol);
        String password = required(variables, "KAFKA_PASSWORD", protocol);
        Map<String, Object> login = new HashMap<>();
        login.put(CONFIGURATION + "security.protocol", protocol);
        login.put(CONFIGURATION + "sasl.mechanism", mechanism);
        login.put(CONFIGURATION + "sasl.jaas.config", module + " required username=\"" + quoted(user)
                + "\" password=\"" + quoted(password) + "\";");
        return login;
    }

    private static String required(Variables variables, String name, String protocol) {
        String value = value(variables, name);
        if (value == null) {
            throw refused(name + " is not set but KAFKA_SECURITY_PROTOCOL is " + protocol);
        }
        return value;
    }

    private static String value(Variables variables, String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static StartRefused refused(String problem) {
        return new StartRefused("Refusing to start: " + problem + ".",
                "Set the broker login variables (README, 'Kafka users'), or unset KAFKA_SECURITY_PROTOCOL for a"
                        + " broker without authentication.");
    }
}
