package org.zhonglou.notification.parent;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one synchronous call between services: registration's internal contact look-up, behind a
 * Resilience4j retry (outer) around a circuit breaker (inner), both named {@code registration}. It asks
 * for many contacts at once: a sign-up rush produces hundreds of events within seconds.
 */
@Component
class ContactClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final ServiceToken token;
    private final Retry retry;
    private final CircuitBreaker breaker;

    ContactClient(NotificationProperties properties, ServiceToken token, RetryRegistry retries,
                  CircuitBreakerRegistry breakers) {
        this.timeout = properties.registration().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.baseUrl = properties.registration().baseUrl().replaceAll("/+$", "");
        this.token = token;
        this.retry = retries.retry("registration");
        this.breaker = breakers.circuitBreaker("registration");
    }

    /**
     * The contacts registration knows among {@code enrollmentIds} (at most 100), in one call; an id
     * missing from the answer is unknown there.
     *
     * @throws RuntimeException (ContactUnavailableException, CallNotPermittedException) when it could not be asked
     */
    Map<String, Contact> lookupAll(List<String> enrollmentIds) {
        Supplier<Map<String, Contact>> call = () -> fetch(enrollmentIds);
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    }

    private Map<String, Contact> fetch(List<String> enrollmentIds) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/enrollments/contacts"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token.current())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(new Query(enrollmentIds))))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ContactUnavailableException("registration not reachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContactUnavailableException("interrupted", e);
        }
        if (response.statusCode() == 401) {
            token.forget();
        }
        if (response.statusCode() != 200) {
            throw new ContactUnavailableException("registration answered HTTP " + response.statusCode(), null);
        }
        Answer answer;
        try {
            answer = JSON.readValue(response.body(), Answer.class);
        } catch (JacksonException e) {
            throw new ContactUnavailableException("registration returned unreadable contacts", null);
        }
        if (answer == null || answer.contacts() == null) {
            throw new ContactUnavailableException("registration returned no contacts list", null);
        }
        Map<String, Contact> contacts = new HashMap<>();
        answer.contacts().stream().filter(Objects::nonNull)
                .forEach(contact -> contacts.put(contact.enrollmentId(), contact));
        return contacts;
    }

    private record Query(List<String> enrollmentIds) {
    }

    private record Answer(List<Contact> contacts) {
    }
}
