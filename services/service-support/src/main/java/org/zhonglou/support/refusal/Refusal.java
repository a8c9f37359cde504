package org.zhonglou.support.refusal;

import java.time.Duration;
import java.util.List;

/**
 * Why the domain refuses a request, in the domain's own words: a {@link Kind}, a stable {@code slug}
 * clients can branch on, a short title and the detail. Domain code throws it and knows nothing of
 * HTTP; only the web layer ({@code support.web.ApiExceptionHandler}) turns a kind into a status code
 * and problem+json, so a refusal reads the same whether it came from a controller or a ledger.
 */
public final class Refusal extends RuntimeException {

    /** The kinds of refusal there are; each maps to exactly one HTTP status in the web layer. */
    public enum Kind {
        /** The thing asked for does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The input is malformed or out of range; {@link #errors()} names the fields. */
        INVALID,
        /** The request clashes with the current state (full, already taken, already decided). */
        CONFLICT,
        /** The input is well-formed but a domain rule forbids it (too young, interlocked). */
        UNPROCESSABLE,
        /** The caller is known but not allowed to do this. */
        FORBIDDEN,
        /** The caller asks too often; {@link #retryAfter()} says when to try again. */
        RATE_LIMITED,
        /** Something the request needs is down for a moment; {@link #retryAfter()} says when to retry. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String slug;
    private final String title;
    private final List<FieldProblem> errors;
    private final Duration retryAfter;

    private Refusal(Kind kind, String slug, String title, String detail, List<FieldProblem> errors,
                    Duration retryAfter) {
        super(detail, null, false, false);
        this.kind = kind;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static Refusal notFound(String detail) {
        return new Refusal(Kind.NOT_FOUND, "not-found", "Not found", detail, null, null);
    }

    public static Refusal invalid(String detail, List<FieldProblem> errors) {
        return new Refusal(Kind.INVALID, "validation", "Invalid request", detail, errors, null);
    }

    public static Refusal conflict(String slug, String title, String detail) {
        return new Refusal(Kind.CONFLICT, slug, title, detail, null, null);
    }

    public static Refusal unprocessable(String slug, String title, String detail) {
        return new Refusal(Kind.UNPROCESSABLE, slug, title, detail, null, null);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", "Forbidden", detail, null, null);
    }

    public static Refusal rateLimited(String detail, Duration retryAfter) {
        return new Refusal(Kind.RATE_LIMITED, "rate-limited", "Too many requests", detail, null, retryAfter);
    }

    public static Refusal unavailable(String detail, Duration retryAfter) {
        return new Refusal(Kind.UNAVAILABLE, "unavailable", "Temporarily unavailable", detail, null, retryAfter);
    }

    public Kind kind() {
        return kind;
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
