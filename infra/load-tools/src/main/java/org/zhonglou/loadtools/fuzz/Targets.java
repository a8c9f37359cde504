package org.zhonglou.loadtools.fuzz;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.zhonglou.fuzz.Entropy;
import org.zhonglou.fuzz.Queries;
import org.zhonglou.fuzz.RequestBodies;
import org.zhonglou.loadtools.client.Endpoints;

/**
 * Every request body and query parameter of the public API, as probes built by the fuzz-inputs
 * generators (the same the services' fuzz tests use), aimed at one station, device and programme of the
 * running stack.
 */
final class Targets {

    /** Loopback, nothing listening: a webhook subscription made here sends nothing off this machine. */
    static final String WEBHOOK = "http://127.0.0.1:9/fuzz";

    private final Endpoints endpoints;
    private final Fixture fixture;

    /** What the probes need from the stack: tokens and the ids set up before fuzzing. */
    record Fixture(String staffToken, String parentToken, String stationId, String deviceKey, String programmeId) {
    }

    Targets(Endpoints endpoints, Fixture fixture) {
        this.endpoints = endpoints;
        this.fixture = fixture;
    }

    List<Function<Entropy, Probe>> all() {
        return List.of(this::programme, this::signUp, this::readings, this::rules, this::command, this::stationQuery,
                this::subscription, this::deliveries);
    }

    Probe programme(Entropy e) {
        return new Probe("programme", "POST", endpoints.registration() + "/api/programmes", staff(),
                RequestBodies.programme(e, "fuzz-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    Probe signUp(Entropy e) {
        return new Probe("sign-up", "POST", endpoints.registration() + "/api/programmes/" + fixture.programmeId()
                + "/enrollments", Map.of("Authorization", "Bearer " + fixture.parentToken(), "Idempotency-Key",
                UUID.randomUUID().toString()), RequestBodies.signUp(e));
    }

    Probe readings(Entropy e) {
        return new Probe("readings", "POST", station("/readings"), Map.of("X-Device-Key", fixture.deviceKey()),
                RequestBodies.readings(e));
    }

    Probe rules(Entropy e) {
        return new Probe("rules", "PUT", station("/rules"), staff(), RequestBodies.rules(e));
    }

    Probe command(Entropy e) {
        return new Probe("command", "POST", station("/commands"), staff(), RequestBodies.command(e, "fuzz-1"));
    }

    Probe stationQuery(Entropy e) {
        String path = e.oneOf(List.of(Queries.readings(e, fixture.stationId()), Queries.throughput(e, fixture.stationId()),
                Queries.alerts(e, fixture.stationId())));
        return new Probe("station-query", "GET", endpoints.station() + path, staff(), null);
    }

    Probe subscription(Entropy e) {
        return new Probe("subscription", "POST", endpoints.notification() + "/api/subscriptions", staff(),
                RequestBodies.subscription(e, WEBHOOK));
    }

    Probe deliveries(Entropy e) {
        return new Probe("deliveries", "GET", endpoints.notification() + Queries.deliveries(e, "sub-fuzz"), staff(),
                null);
    }

    private String station(String path) {
        return endpoints.station() + "/api/stations/" + fixture.stationId() + path;
    }

    private Map<String, String> staff() {
        return Map.of("Authorization", "Bearer " + fixture.staffToken());
    }
}
