package org.zhonglou.registration.enrollment;

import io.github.bucket4j.TimeMeter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.registration.RegistrationProperties;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.web.ApiProblem;

@RestController
@Tag(name = "Enrollments", description = "Parents sign children up; owners and staff read and cancel")
class EnrollmentController {

    private final SignUp signUp;
    private final EnrollmentService enrollments;
    private final SignUpRateLimit rateLimit;

    EnrollmentController(SignUp signUp, EnrollmentService enrollments, RegistrationProperties properties) {
        this.signUp = signUp;
        this.enrollments = enrollments;
        this.rateLimit = new SignUpRateLimit(properties.signupRate(), TimeMeter.SYSTEM_NANOTIME);
    }

    @PostMapping("/api/programmes/{programmeId}/enrollments")
    @Operation(summary = "Sign a child up (PARENT)", description = "201 CONFIRMED or WAITLISTED with waitlistPosition; "
            + "200 for a replay with the same Idempotency-Key and body; 409 programme-full, duplicate-child or "
            + "guardian-limit (the programme's maxActivePerGuardian reached); 422 consent-required, signup-closed, "
            + "age-out-of-range, idempotency-key-reused; 429 rate-limited with Retry-After (sign-up attempts per "
            + "guardian, SIGNUP_RATE_ATTEMPTS per SIGNUP_RATE_PERIOD, default 10 a minute). Names are kept "
            + "NFKC-folded without invisible characters; guardian fields with control characters are 400.")
    ResponseEntity<EnrollmentResponse> enroll(@PathVariable String programmeId,
            @Parameter(description = "Client-chosen unique key per sign-up attempt (kept with the enrollment)")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody EnrollmentRequest request, @AuthenticationPrincipal Jwt jwt) {
        rateLimit.attempt(jwt.getSubject());
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ApiProblem.badRequest("The Idempotency-Key header is required (1 to 200 characters).",
                    List.of(new FieldProblem("Idempotency-Key", "required header")));
        }
        SignUp.Result result = signUp.enroll(programmeId, jwt.getSubject(), idempotencyKey.strip(), request);
        EnrollmentResponse body = EnrollmentResponse.of(result.view());
        return result.created()
                ? ResponseEntity.created(URI.create("/api/enrollments/" + body.id())).body(body)
                : ResponseEntity.status(HttpStatus.OK).body(body);
    }

    @GetMapping("/api/enrollments")
    @Operation(summary = "The caller's own enrollments (PARENT)")
    List<EnrollmentResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        return enrollments.mine(jwt.getSubject()).stream().map(EnrollmentResponse::of).toList();
    }

    @GetMapping("/api/enrollments/{id}")
    @Operation(summary = "One enrollment (owner PARENT or STAFF; others get 404)")
    EnrollmentResponse get(@PathVariable String id, Authentication caller) {
        return EnrollmentResponse.of(enrollments.get(id, caller));
    }

    @PostMapping("/api/enrollments/{id}/cancel")
    @Operation(summary = "Cancel (owner PARENT or STAFF); the first waitlisted child is confirmed at once")
    EnrollmentResponse cancel(@PathVariable String id, Authentication caller) {
        return EnrollmentResponse.of(enrollments.cancel(id, caller));
    }
}
