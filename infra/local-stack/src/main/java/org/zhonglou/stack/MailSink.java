package org.zhonglou.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server that accepts every message and an HTTP endpoint that lists them, so tests and people
 * can see what the notification service sent: {@code GET /messages} (optionally {@code ?to=address}),
 * {@code DELETE /messages}, {@code GET /health}.
 */
public final class MailSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GreenMail smtp;
    private final HttpServer http;

    private MailSink(GreenMail smtp, HttpServer http) {
        this.smtp = smtp;
        this.http = http;
    }

    /** Port 0 for either picks a free one (tests). */
    public static MailSink start(String host, int smtpPort, int httpPort) throws IOException {
        ServerSetup setup = new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(smtpPort == 0 ? setup.dynamicPort() : setup);
        smtp.start();
        HttpServer http = HttpServer.create(new InetSocketAddress(host, httpPort), 0);
        MailSink sink = new MailSink(smtp, http);
        http.createContext("/messages", sink::messages);
        http.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        http.start();
        return sink;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    /**
     * Every message once, oldest first. GreenMail files a copy per recipient mailbox, so copies of one
     * message (same Message-ID) are folded into one entry.
     */
    List<ReceivedMail> received() throws MessagingException, IOException {
        List<ReceivedMail> mails = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            ReceivedMail mail = ReceivedMail.of(message);
            if (mail.messageId() == null || seen.add(mail.messageId())) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private void messages(HttpExchange exchange) throws IOException {
        try {
            switch (exchange.getRequestMethod()) {
                case "GET" -> respond(exchange, 200, listJson(recipientFilter(exchange)));
                case "DELETE" -> {
                    smtp.purgeEmailFromAllMailboxes();
                    respond(exchange, 204, null);
                }
                default -> respond(exchange, 405, "{\"error\":\"use GET or DELETE\"}");
            }
        } catch (MessagingException | FolderException | RuntimeException e) {
            log.warn("Cannot serve {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respond(exchange, 500, JSON.writeValueAsString(Map.of("error", e.toString())));
        }
    }

    private String listJson(String to) throws MessagingException, IOException {
        return JSON.writeValueAsString(received().stream()
                .filter(mail -> to == null || mail.to().contains(to))
                .map(ReceivedMail::fields)
                .toList());
    }

    private static String recipientFilter(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("to=")) {
                return URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        try (exchange) {
            if (json == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
