package org.zhonglou.registration.enrollment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.zhonglou.support.bounds.WithinTimeBounds;

/** Body of {@code POST /api/programmes/{id}/enrollments}. */
record EnrollmentRequest(@NotNull @Valid Child child, @NotNull @Valid Guardian guardian,
                         @Schema(description = "Must be true; false or missing is refused with 422 consent-required")
                         Boolean consentGiven) {

    /** Control characters and line breaks (header and log injection, forged lines in a roster export). */
    static final String NO_CONTROL = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters or line breaks";
    /** An address also has no invisible or bidi characters (a spoofed address looks like another). */
    static final String PLAIN = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";
    static final String PLAIN_MESSAGE = "must not contain control, invisible or line-break characters";
    static final String VISIBLE = "(?s).*[\\p{L}\\p{N}].*";

    /** The name is cleaned (Names.clean) before it is kept; something visible must remain. */
    record Child(@NotBlank @Size(max = 100)
                 @Pattern(regexp = VISIBLE, message = "must contain a letter or digit") String fullName,
                 @NotNull @Past @WithinTimeBounds LocalDate dateOfBirth) {
    }

    record Guardian(@NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE)
                    @Pattern(regexp = VISIBLE, message = "must contain a letter or digit") String fullName,
                    @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}", message = "must be a phone number") String phone,
                    @NotBlank @Email @Size(max = 254) @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String email,
                    @Schema(description = "Additive extension: language for messages to the guardian, zh (default) or en")
                    @Pattern(regexp = "zh|en", message = "must be zh or en") String language) {

        String languageOrDefault() {
            return language == null ? "zh" : language;
        }
    }

    /** Everything that makes two requests "the same body", in a fixed order. */
    String canonical(String programmeId) {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {programmeId, child.fullName(), String.valueOf(child.dateOfBirth()),
                guardian.fullName(), guardian.phone(), guardian.email(), guardian.languageOrDefault(),
                String.valueOf(consentGiven)}) {
            out.append(part.length()).append(':').append(part).append(';');
        }
        return out.toString();
    }
}
