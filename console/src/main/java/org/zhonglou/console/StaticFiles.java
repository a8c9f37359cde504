package org.zhonglou.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The built front end from the class path ({@code static/}); hashed assets are cached, the page is not. */
final class StaticFiles {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "json", "application/json", "mp3", "audio/mpeg", "wav", "audio/wav");

    private static final String NOT_BUILT = """
            <!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>控制台未构建</title>
            <p>控制台前端未构建：构建时没有 npm。The console front end was not built (no npm at build time).</p></html>""";

    void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/") || path.equals("/index.html")) {
            path = "/index.html";
        }
        if (path.contains("..") || !path.matches("/[A-Za-z0-9._/-]+")) {
            Exchanges.problem(exchange, 404, "Not Found", "No page at this address.");
            return;
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream("/static" + path)) {
            if (in == null) {
                if (path.equals("/index.html")) {
                    Exchanges.send(exchange, 503, "text/html; charset=utf-8", NOT_BUILT.getBytes(StandardCharsets.UTF_8));
                } else {
                    Exchanges.problem(exchange, 404, "Not Found", "No page at this address.");
                }
                return;
            }
            byte[] body = in.readAllBytes();
            String extension = path.substring(path.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control",
                    path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        }
    }
}
