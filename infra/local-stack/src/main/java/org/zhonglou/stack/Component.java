package org.zhonglou.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process of the local stack.
 *
 * @param name        also the name of its log and pid file
 * @param ports       the ports it listens on, the main one first
 * @param command     the full command line, marker system properties included
 * @param environment variables added to the launcher's own environment
 * @param health      what "UP" means for it
 * @param jar         the jar it runs, when that is built by another module
 */
public record Component(String name, List<Integer> ports, List<String> command,
                        Map<String, String> environment, HealthCheck health, Optional<Path> jar) {

    public int port() {
        return ports.get(0);
    }
}
