package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class MailSinkTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private MailSink sink;

    @BeforeEach
    void start() throws Exception {
        sink = MailSink.start(Ports.HOST, 0, 0);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void listsAUtf8MessageDecodedOncePerMessage() throws Exception {
        send("王芳 <wang.fang@example.com>, li.na@example.com", "报名已确认：暑期托管班",
                "您好，王小明的报名已确认。\n地点：钟楼社区活动中心");

        List<Map<String, Object>> messages = awaitMessages(1);

        assertThat(messages).hasSize(1);
        Map<String, Object> mail = messages.get(0);
        assertThat(mail.get("to")).isEqualTo("wang.fang@example.com, li.na@example.com");
        assertThat(mail.get("subject")).isEqualTo("报名已确认：暑期托管班");
        assertThat((String) mail.get("text")).contains("王小明的报名已确认", "钟楼社区活动中心");
    }

    @Test
    void filtersByRecipientAndClearsOnDelete() throws Exception {
        send("a@example.com", "first", "1");
        send("b@example.com", "second", "2");
        awaitMessages(2);

        assertThat(get("/messages?to=b@example.com").body()).contains("second").doesNotContain("first");

        HttpResponse<String> deleted = http.send(request("/messages").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/messages").body()).isEqualTo("[]");
    }

    @Test
    void answersHealth() throws Exception {
        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private void send(String to, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", Ports.HOST);
        props.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("noreply@zhonglou.example"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        Transport.send(message);
    }

    private List<Map<String, Object>> awaitMessages(int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> parse(get("/messages").body()),
                list -> list.size() >= count);
    }

    /** JSON is YAML, so the test reads the sink's answer without a JSON library. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String json) {
        return (List<Map<String, Object>>) new Yaml().load(json);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + sink.httpPort() + path));
    }
}
