package org.zhonglou.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

/** The checks behind "UP": each asks the component the way its clients would. */
final class HealthChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private HealthChecks() {
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** 200 with {@code "status":"UP"} in the body, as Spring Boot's actuator and the mail sink answer. */
    static HealthCheck http(int port, String path) {
        return () -> {
            if (!listening(port)) {
                return false;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** The broker answers the admin's login and every topic the services need exists. */
    static HealthCheck kafka(java.nio.file.Path dataDir) {
        return () -> listening(Ports.KAFKA)
                && java.nio.file.Files.exists(org.zhonglou.kafkaaccess.KafkaCredentials.file(dataDir))
                && KafkaTopics.ready(KafkaNode.adminClient(dataDir), 3_000);
    }

    /** A real {@code ping} over the wire protocol. */
    static HealthCheck store() {
        return () -> listening(Ports.STORE) && ping("mongodb://localhost:" + Ports.STORE);
    }

    static boolean ping(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(1_500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(1_000, TimeUnit.MILLISECONDS)
                        .readTimeout(3_000, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            return true;
        } catch (MongoException e) {
            return false;
        }
    }
}
