package org.zhonglou.notification.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.subscription.SecretCipher;
import org.zhonglou.notification.subscription.Subscription;
import org.zhonglou.notification.subscription.TargetGuard;

/**
 * Signed webhook POSTs, structured-mode CloudEvents JSON. One circuit breaker per receiver
 * ({@code host:port}): while a receiver is down its deliveries fail at once instead of each holding a
 * worker for the full timeout, so other receivers are not slowed. Redirects are never followed (a
 * redirect could lead past the SSRF guard).
 */
@Component
public class WebhookSender {

    private final HttpClient http;
    private final Duration timeout;
    private final CircuitBreakerRegistry breakers;
    private final SecretCipher cipher;
    private final TargetGuard guard;

    public WebhookSender(NotificationProperties properties, CircuitBreakerRegistry breakers, SecretCipher cipher,
                         TargetGuard guard) {
        this.timeout = properties.webhooks().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.breakers = breakers;
        this.cipher = cipher;
        this.guard = guard;
    }

    public CircuitBreaker breakerFor(String target) {
        URI uri = URI.create(target);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return breakers.circuitBreaker("webhook:" + uri.getHost() + ":" + port, "webhook");
    }

    public Outcome send(Subscription subscription, Delivery delivery) {
        try {
            guard.checkBeforeSend(subscription.target());
        } catch (TargetGuard.ForbiddenTargetException e) {
            return Outcome.failed(e.getMessage(), 0);
        }
        CircuitBreaker breaker = breakerFor(subscription.target());
        if (!breaker.tryAcquirePermission()) {
            return Outcome.failed("circuit breaker open for this receiver; not called", 0);
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.target()))
                .timeout(timeout)
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "zhonglou-notification/1")
                .header("X-Event-Id", delivery.eventId())
                .header("X-Delivery-Id", delivery.id())
                .header("X-Signature", Signatures.sign(cipher.decrypt(subscription.encryptedSecret()), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long nanos = System.nanoTime() - start;
            int status = response.statusCode();
            boolean delivered = status >= 200 && status < 300;
            if (status >= 500) {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new IOException("HTTP " + status));
            } else {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
            return new Outcome(delivered, status, delivered ? null : "HTTP " + status, millis(nanos));
        } catch (IOException e) {
            long nanos = System.nanoTime() - start;
            breaker.onError(nanos, TimeUnit.NANOSECONDS, e);
            return Outcome.failed(describe(e), millis(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            return Outcome.failed("interrupted", millis(System.nanoTime() - start));
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
