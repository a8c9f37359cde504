package org.zhonglou.support.web;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.zhonglou.support.refusal.FieldProblem;

/**
 * A refusal the client can act on, rendered as RFC 9457 problem details by {@link ApiExceptionHandler}.
 * {@code slug} becomes the problem {@code type} ({@code /problems/<slug>}) so clients can branch on it
 * without parsing text.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldProblem> errors;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String slug, String title, String detail,
                      List<FieldProblem> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, null, null);
    }

    public static ApiProblem badRequest(String detail, List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, errors, null);
    }

    public static ApiProblem conflict(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, title, detail, null, null);
    }

    public static ApiProblem unprocessable(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail, null, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null, null);
    }

    public static ApiProblem unavailable(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable", detail,
                null, retryAfter);
    }

    public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail, null,
                retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
