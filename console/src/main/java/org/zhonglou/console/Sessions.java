package org.zhonglou.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in staff members, in this process's memory only: the browser holds nothing but a random session id
 * in an HttpOnly cookie, and the access token never reaches the page. A session ends with its access token
 * (the local provider issues no refresh token to the console), at logout, or when the console restarts.
 */
final class Sessions {

    /** Bounded so that a flood of logins cannot fill the heap; the oldest expiry goes first. */
    static final int MAX_SESSIONS = 2_000;

    record Session(String id, String accessToken, String idToken, Instant expiresAt, String subject, String name,
                   List<String> roles) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session open(String accessToken, String idToken, Instant expiresAt, String subject, String name, List<String> roles) {
        purge();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(java.util.Comparator.comparing(Session::expiresAt))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session session = new Session(randomId(), accessToken, idToken, expiresAt, subject, name, roles);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of that id; an expired one is forgotten on the spot. */
    Optional<Session> find(String id) {
        Session session = id == null ? null : sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    Optional<Session> close(String id) {
        return Optional.ofNullable(id == null ? null : sessions.remove(id));
    }

    int size() {
        return sessions.size();
    }

    private void purge() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    }

    /** 256 random bits, URL-safe: session ids, login states, PKCE verifiers, tickets. */
    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
