package org.zhonglou.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of a component's log from its latest start only (the launcher appends a header line
 * per start), read from the end so a large Kafka log costs nothing.
 */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static List<String> lastLines(Path file, int lines) {
        if (!Files.exists(file)) {
            return List.of("(no log at " + file + ")");
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
            int from = Math.max(0, all.size() - lines);
            for (int i = all.size() - 1; i > from; i--) {
                if (all.get(i).startsWith(Supervisor.LOG_HEADER)) {
                    from = i;
                    break;
                }
            }
            return all.subList(from, all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
