package org.zhonglou.registration.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.support.bounds.WithinTimeBounds;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.web.ApiProblem;

@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Programmes", description = "Summer care programmes and their seats")
class ProgrammeController {

    /** A programme runs for a summer or a school year, never longer. */
    private static final int MAX_DAYS = 366;

    private final Programmes store;
    private final Clock clock;

    ProgrammeController(Programmes store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Create a programme (STAFF)", description = "Dates and instants between 2000-01-01 and "
            + "2099-12-31; endDate at most 366 days after startDate.")
    ResponseEntity<ProgrammeResponse> create(@Valid @RequestBody CreateProgramme request) {
        checkConsistent(request);
        String id = "prg-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Programme programme = new Programme(id, request.name().strip(), request.community().strip(),
                request.location().strip(), request.startDate(), request.endDate(), request.dropOffTime(),
                request.minAge(), request.maxAge(), request.capacity(), request.waitlistCapacity(),
                request.signupOpensAt(), request.signupClosesAt(), clock.instant(),
                request.maxActivePerGuardian() == null ? Programme.DEFAULT_MAX_ACTIVE_PER_GUARDIAN
                        : request.maxActivePerGuardian());
        store.create(programme);
        return ResponseEntity.created(URI.create("/api/programmes/" + id))
                .body(ProgrammeResponse.of(programme, new SeatCounts(0, 0)));
    }

    @GetMapping
    @SecurityRequirements
    @Operation(summary = "List programmes with their seat counts (public)")
    List<ProgrammeResponse> list() {
        return store.all().stream().map(p -> ProgrammeResponse.of(p.programme(), p.counts())).toList();
    }

    @GetMapping("/{id}")
    @SecurityRequirements
    @Operation(summary = "One programme with its seat counts (public)")
    ProgrammeResponse get(@PathVariable String id) {
        return store.find(id).map(p -> ProgrammeResponse.of(p.programme(), p.counts()))
                .orElseThrow(() -> ApiProblem.notFound("No programme " + id + "."));
    }

    private static void checkConsistent(CreateProgramme request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.endDate().isBefore(request.startDate())) {
            problems.add(new FieldProblem("endDate", "must not be before startDate"));
        } else if (request.endDate().isAfter(request.startDate().plusDays(MAX_DAYS))) {
            problems.add(new FieldProblem("endDate", "must be at most " + MAX_DAYS + " days after startDate"));
        }
        if (request.maxAge() < request.minAge()) {
            problems.add(new FieldProblem("maxAge", "must not be below minAge"));
        }
        if (!request.signupClosesAt().isAfter(request.signupOpensAt())) {
            problems.add(new FieldProblem("signupClosesAt", "must be after signupOpensAt"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("The programme's dates or ages are inconsistent.", problems);
        }
    }

    record CreateProgramme(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String community,
            @NotBlank @Size(max = 200) String location,
            @NotNull @WithinTimeBounds LocalDate startDate,
            @NotNull @WithinTimeBounds LocalDate endDate,
            @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String dropOffTime,
            @NotNull @Min(0) @Max(18) Integer minAge,
            @NotNull @Min(0) @Max(18) Integer maxAge,
            @NotNull @Min(1) @Max(10_000) Integer capacity,
            @NotNull @Min(0) @Max(10_000) Integer waitlistCapacity,
            @NotNull @WithinTimeBounds Instant signupOpensAt,
            @NotNull @WithinTimeBounds Instant signupClosesAt,
            @Schema(description = "Active (confirmed or waitlisted) enrollments one guardian may hold here; "
                    + "default 3; beyond it a sign-up is 409 guardian-limit")
            @Min(1) @Max(10) Integer maxActivePerGuardian) {
    }

    record ProgrammeResponse(String id, String name, String community, String location, LocalDate startDate,
                             LocalDate endDate, String dropOffTime, int minAge, int maxAge, int capacity,
                             int waitlistCapacity, Instant signupOpensAt, Instant signupClosesAt,
                             int maxActivePerGuardian, int seatsTaken, int seatsLeft, int waitlistLength,
                             Instant createdAt) {

        static ProgrammeResponse of(Programme p, SeatCounts counts) {
            return new ProgrammeResponse(p.id(), p.name(), p.community(), p.location(), p.startDate(),
                    p.endDate(), p.dropOffTime(), p.minAge(), p.maxAge(), p.capacity(), p.waitlistCapacity(),
                    p.signupOpensAt(), p.signupClosesAt(), p.maxActivePerGuardian(), counts.seatsTaken(),
                    Math.max(0, p.capacity() - counts.seatsTaken()), counts.waitlistLength(), p.createdAt());
        }
    }
}
