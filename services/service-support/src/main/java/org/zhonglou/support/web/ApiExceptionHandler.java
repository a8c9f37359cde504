package org.zhonglou.support.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.refusal.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become RFC 9457 problem details. Bad input is always a 4xx that names
 * the field; an unreachable database is a 503 with Retry-After; only a defect is a 500, and then
 * without internals (the log carries an incident id the response repeats).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return Problems.of(problem);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
        return Problems.of(refusal);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, com.mongodb.MongoTimeoutException.class,
            com.mongodb.MongoSocketException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        log.warn("Store unavailable: {}", e.getMessage());
        return Problems.of(ApiProblem.unavailable("The data store is not reachable; try again shortly.",
                STORE_RETRY_AFTER));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreUnavailable.isCause(e)) {
            // Wrapped or untranslated store errors (a paused connection pool) are an outage, not a defect.
            return storeUnavailable(e);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}", incident, e);
        return Problems.response(Problems.body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side (incident " + incident + ").", null), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causeOf(ex, PayloadTooLargeException.class) != null) {
            return asObject(Problems.response(Problems.body(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    "Request too large", causeOf(ex, PayloadTooLargeException.class).getMessage(), null), null));
        }
        UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            String field = JsonPaths.of(unknown.getPath());
            return badRequest("Unknown field '" + unknown.getPropertyName() + "'.",
                    List.of(new FieldProblem(field, "unknown field")));
        }
        JacksonException jackson = causeOf(ex, JacksonException.class);
        if (jackson != null && !(jackson instanceof StreamReadException)) {
            String field = JsonPaths.of(jackson.getPath());
            return badRequest("Field '" + field + "' has a value of the wrong type or format.",
                    List.of(new FieldProblem(field, "wrong type or format")));
        }
        return badRequest("The request body is missing or is not valid JSON.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return badRequest("The request has invalid fields.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return badRequest("The request has invalid parameters.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName() == null ? "$" : ex.getPropertyName();
        return badRequest("Parameter '" + field + "' has a value of the wrong type or format.",
                List.of(new FieldProblem(field, "wrong type or format")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest("Parameter '" + ex.getParameterName() + "' is required.",
                List.of(new FieldProblem(ex.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getTitle() == null) {
            problem.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> badRequest(String detail, List<FieldProblem> errors) {
        return asObject(Problems.of(ApiProblem.badRequest(detail, errors)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
