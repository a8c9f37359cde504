package org.zhonglou.testsupport.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import java.util.Set;

/**
 * Jazzer's server-side-request-forgery detector flags every connection a fuzz test makes. The fuzz targets
 * talk to the service under test, its broker and store, all on this machine: those are allowed, and any
 * connection elsewhere is still reported as a finding.
 */
public final class LoopbackOnly {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1");

    private LoopbackOnly() {
    }

    /**
     * Call before each fuzz test; the setting stays until the JVM ends. Outside fuzzing mode (no
     * {@code JAZZER_FUZZ}) Jazzer loads no detectors and says so with an IllegalStateException: then there
     * is nothing to allow.
     */
    public static void allow() {
        try {
            BugDetectors.allowNetworkConnections((host, port) -> LOOPBACK.contains(host) || host.startsWith("127."));
        } catch (IllegalStateException noAgentYet) {
            // Replaying the corpus: no detector watches connections.
        }
    }
}
