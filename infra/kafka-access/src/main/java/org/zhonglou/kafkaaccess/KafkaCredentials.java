package org.zhonglou.kafkaaccess;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The broker users' passwords of one local stack: random on first start, kept in
 * {@code <DATA_DIR>/kafka/credentials.properties} (owner read/write only) next to the broker's log, whose
 * metadata holds the matching SCRAM credentials; deleting the {@code kafka} directory resets both.
 */
public final class KafkaCredentials {

    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private KafkaCredentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    public static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("kafka").resolve("credentials.properties");
    }

    /** Passwords for {@link KafkaAccess#USERS}, made up now (for a test broker, nothing written). */
    public static KafkaCredentials random() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : KafkaAccess.USERS) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            // URL-safe without padding: no quote, comma, bracket or '=' to escape in JAAS or --add-scram.
            passwords.put(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return new KafkaCredentials(passwords);
    }

    /** The stack's credentials, written with mode 600 on the first call. */
    public static KafkaCredentials loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        KafkaCredentials created = random();
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.putAll(created.passwords);
                properties.store(out, "Local broker users (SASL " + MECHANISM + "); generated, never commit");
            }
            return created;
        } catch (FileAlreadyExistsException e) {
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KafkaCredentials load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the broker credentials " + file, e);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : KafkaAccess.USERS) {
            String password = properties.getProperty(user);
            if (password == null || password.isBlank()) {
                throw new IllegalStateException(file + " has no password for " + user
                        + "; delete the kafka directory beside it to start a fresh broker");
            }
            passwords.put(user, password);
        }
        return new KafkaCredentials(passwords);
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No broker user " + user);
        }
        return password;
    }

    /** Client settings for {@code user}: SASL over plaintext TCP (loopback only) with SCRAM. */
    public Map<String, Object> client(String user) {
        return sasl(user, password(user));
    }

    public static Map<String, Object> sasl(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", user, password));
    }

    static String jaas(String module, String user, String password) {
        return module + " required username=\"" + quoted(user) + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
