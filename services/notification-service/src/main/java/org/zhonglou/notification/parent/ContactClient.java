package org.zhonglou.notification.parent;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one synchronous call between services: registration's internal contact look-up, behind a
 * Resilience4j retry (outer) around a circuit breaker (inner), both named {@code registration}. A 404
 * is an answer, not a failure: neither retried nor counted by the breaker.
 */
@Component
class ContactClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final ServiceTokens tokens;
    private final Retry retry;
    private final CircuitBreaker breaker;

    ContactClient(NotificationProperties properties, ServiceTokens tokens, RetryRegistry retries,
                  CircuitBreakerRegistry breakers) {
        this.timeout = properties.registration().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.baseUrl = properties.registration().baseUrl().replaceAll("/+$", "");
        this.tokens = tokens;
        this.retry = retries.retry("registration");
        this.breaker = breakers.circuitBreaker("registration");
    }

    /**
     * @throws ContactNotFoundException when registration does not know the enrollment
     * @throws RuntimeException (ContactUnavailableException, CallNotPermittedException) when it could not be asked
     */
    Contact lookup(String enrollmentId) {
        Supplier<Contact> call = () -> fetch(enrollmentId);
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    }

    private Contact fetch(String enrollmentId) {
        URI uri = URI.create(baseUrl + "/internal/enrollments/"
                + URLEncoder.encode(enrollmentId, StandardCharsets.UTF_8) + "/contact");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + tokens.current())
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ContactUnavailableException("registration not reachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContactUnavailableException("interrupted", e);
        }
        if (response.statusCode() == 404) {
            throw new ContactNotFoundException("registration does not know the enrollment");
        }
        if (response.statusCode() != 200) {
            throw new ContactUnavailableException("registration answered HTTP " + response.statusCode(), null);
        }
        try {
            Contact contact = JSON.readValue(response.body(), Contact.class);
            if (contact.email() == null || contact.email().isBlank()) {
                throw new ContactNotFoundException("no e-mail address on file");
            }
            return contact;
        } catch (JacksonException e) {
            throw new ContactUnavailableException("registration returned an unreadable contact", null);
        }
    }
}
