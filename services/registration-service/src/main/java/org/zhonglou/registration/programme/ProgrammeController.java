package org.zhonglou.registration.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programmes")
class ProgrammeController {

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreateProgramme create(@Valid @RequestBody CreateProgramme request) {
        return request;
    }

    record CreateProgramme(@NotBlank String name, String community, String location, @NotNull LocalDate startDate,
                           LocalDate endDate, String dropOffTime, Integer minAge, Integer maxAge,
                           @Positive int capacity, int waitlistCapacity, Instant signupOpensAt,
                           Instant signupClosesAt) {
    }
}
