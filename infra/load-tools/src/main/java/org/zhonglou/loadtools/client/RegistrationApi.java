package org.zhonglou.loadtools.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.zhonglou.httpclient.Http;
import org.zhonglou.httpclient.Json;
import org.zhonglou.httpclient.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The registration calls the tools make (api.md): programmes as staff, sign-ups as parents. */
public final class RegistrationApi {

    private static final ZoneId CHANGZHOU = ZoneId.of("Asia/Shanghai");

    private final Http http;
    private final Endpoints endpoints;
    private final Map<String, String> staff;

    public RegistrationApi(Http http, Endpoints endpoints, String staffToken) {
        this.http = http;
        this.endpoints = endpoints;
        this.staff = Http.bearer(staffToken);
    }

    /** A summer care class starting in a month for children of 6 to 12, sign-up open now. Returns its id. */
    public String createProgramme(String name, int capacity, int waitlistCapacity) {
        LocalDate start = LocalDate.now(CHANGZHOU).plusDays(30);
        ObjectNode body = Json.object().put("name", name).put("community", "Taiying")
                .put("location", "Taiying community activity centre").put("startDate", start.toString())
                .put("endDate", start.plusDays(40).toString()).put("dropOffTime", "08:00")
                .put("minAge", 6).put("maxAge", 12).put("capacity", capacity).put("waitlistCapacity", waitlistCapacity)
                .put("signupOpensAt", Instant.now().minusSeconds(60).toString())
                .put("signupClosesAt", Instant.now().plusSeconds(86_400).toString());
        return http.post(endpoints.registration() + "/api/programmes", staff, body).expect(201).json()
                .path("id").asString();
    }

    /** A sign-up body for child number {@code n}; the child is 8 when the programme starts. */
    public static ObjectNode enrollment(String childName, String guardianName, String guardianEmail, int n) {
        ObjectNode body = Json.object();
        body.putObject("child").put("fullName", childName)
                .put("dateOfBirth", LocalDate.now(CHANGZHOU).minusYears(8).minusDays(n % 300).toString());
        body.putObject("guardian").put("fullName", guardianName)
                .put("phone", String.format("+86139%08d", n % 100_000_000)).put("email", guardianEmail);
        return body.put("consentGiven", true);
    }

    public CompletableFuture<Reply> enrol(String programmeId, String parentToken, String idempotencyKey, Object body) {
        return http.sendAsync("POST", endpoints.registration() + "/api/programmes/" + programmeId + "/enrollments",
                Map.of("Authorization", "Bearer " + parentToken, "Idempotency-Key", idempotencyKey), body);
    }

    public Reply cancel(String enrollmentId, String parentToken) {
        return http.post(endpoints.registration() + "/api/enrollments/" + enrollmentId + "/cancel",
                Http.bearer(parentToken), null);
    }

    public JsonNode programme(String programmeId) {
        return http.get(endpoints.registration() + "/api/programmes/" + programmeId, Map.of()).expect(200).json();
    }

    public JsonNode roster(String programmeId) {
        return http.get(endpoints.registration() + "/api/programmes/" + programmeId + "/roster", staff)
                .expect(200).json();
    }
}
