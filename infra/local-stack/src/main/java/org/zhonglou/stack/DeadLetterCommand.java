package org.zhonglou.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ./run.sh replay-dlq <dead-letter topic> [max]}: finds the service that owns the topic (each
 * lists its consumers at {@code GET /api/admin/dead-letters}) and asks it, as staff, to send the parked
 * records back to their topic. The service does the work, so the same call works against any deployment.
 */
final class DeadLetterCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Integer> SERVICES = List.of(Ports.REGISTRATION, Ports.STATION_MONITORING,
            Ports.NOTIFICATION);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Supplier<String> staffToken;
    private final PrintStream out;
    private final PrintStream err;

    DeadLetterCommand(Supplier<String> staffToken, PrintStream out, PrintStream err) {
        this.staffToken = staffToken;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) throws IOException, InterruptedException {
        if (args.length < 2 || args.length > 3 || !args[1].endsWith(".dlq")) {
            err.println("usage: ./run.sh replay-dlq <topic>.<consumer-group>.dlq [max records, default 1000]");
            return 2;
        }
        String topic = args[1];
        String max = args.length == 3 ? args[2] : "1000";
        String token = staffToken.get();
        for (int port : SERVICES) {
            HttpResponse<String> listed = send(HttpRequest.newBuilder(uri(port, "/api/admin/dead-letters")).GET(), token);
            if (listed == null || listed.statusCode() != 200 || !owns(listed.body(), topic)) {
                continue;
            }
            HttpResponse<String> replayed = send(HttpRequest.newBuilder(uri(port, "/api/admin/dead-letters/"
                    + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "/replay?max="
                    + URLEncoder.encode(max, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()), token);
            if (replayed == null || replayed.statusCode() != 200) {
                err.println("replay of " + topic + " failed: " + (replayed == null ? "no answer from port " + port
                        : replayed.statusCode() + " " + replayed.body()));
                return 1;
            }
            out.println(replayed.body());
            return 0;
        }
        err.println("no running service has a dead-letter topic " + topic + " (is the stack up?)");
        return 1;
    }

    private static boolean owns(String body, String topic) throws IOException {
        for (JsonNode consumer : JSON.readTree(body)) {
            if (topic.equals(consumer.path("deadLetterTopic").asText())) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws InterruptedException {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://" + Ports.HOST + ":" + port + path);
    }
}
