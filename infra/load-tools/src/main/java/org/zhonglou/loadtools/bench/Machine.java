package org.zhonglou.loadtools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the benchmark ran on: figures without the machine are meaningless. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"));
        machine.put("memoryMb", firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024).orElse(-1L));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        return machine;
    }

    static String oneLine(Map<String, Object> machine) {
        return machine.get("cpus") + " CPUs (" + machine.get("cpuModel") + "), " + machine.get("memoryMb")
                + " MB RAM, " + machine.get("os") + ", JDK " + machine.get("jdk");
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
