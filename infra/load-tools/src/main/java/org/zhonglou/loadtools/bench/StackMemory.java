package org.zhonglou.loadtools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Resident memory of the stack's processes, from {@code /proc/<pid>/status} of the pids in {@code $DATA_DIR/run}. */
final class StackMemory {

    private StackMemory() {
    }

    /** Component name to VmRSS in MB; components whose process is gone are left out. */
    static Map<String, Long> residentMb(Path runDir) {
        Map<String, Long> rss = new TreeMap<>();
        if (!Files.isDirectory(runDir)) {
            return rss;
        }
        try (Stream<Path> pidFiles = Files.list(runDir)) {
            pidFiles.filter(file -> file.getFileName().toString().endsWith(".pid")).forEach(file -> {
                String component = file.getFileName().toString().replace(".pid", "");
                try {
                    String pid = Files.readString(file).trim();
                    Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                            .filter(line -> line.startsWith("VmRSS:"))
                            .findFirst()
                            .ifPresent(line -> rss.put(component, Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024));
                } catch (IOException | RuntimeException gone) {
                    // The process has exited or the file is being rewritten: it uses no memory now.
                }
            });
        } catch (IOException e) {
            return rss;
        }
        return rss;
    }
}
