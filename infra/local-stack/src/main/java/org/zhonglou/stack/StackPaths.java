package org.zhonglou.stack;

import java.nio.file.Path;

/**
 * Where the local stack keeps its state. Everything lives under one data directory so that
 * {@code rm -rf data} is a full reset and two checkouts never share a broker or a store file.
 *
 * @param dataDir absolute data directory ({@code DATA_DIR}, default {@code ./data})
 * @param root    absolute repository root, where the service jars are built
 */
public record StackPaths(Path dataDir, Path root) {

    public StackPaths {
        dataDir = dataDir.toAbsolutePath().normalize();
        root = root.toAbsolutePath().normalize();
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    public Path run() {
        return dataDir.resolve("run");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path storeFile() {
        return dataDir.resolve("mongo").resolve("store.mv");
    }

    public Path logFile(String component) {
        return logs().resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return run().resolve(component + ".pid");
    }

    public Path serviceJar(String service) {
        return root.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }
}
