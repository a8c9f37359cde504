package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void showsOnlyTheLatestStart() throws Exception {
        Path log = dir.resolve("kafka.log");
        Files.writeString(log, "---- kafka starting at T1 ----\nold failure\n"
                + "---- kafka starting at T2 ----\nline a\nline b\n");

        assertThat(LogTail.lastLines(log, 40)).containsExactly("---- kafka starting at T2 ----", "line a", "line b");
    }

    @Test
    void keepsOnlyTheLastLinesOfALongStart() throws Exception {
        Path log = dir.resolve("store.log");
        Files.writeString(log, "---- store starting ----\n1\n2\n3\n4\n");

        assertThat(LogTail.lastLines(log, 2)).containsExactly("3", "4");
    }

    @Test
    void saysSoWhenThereIsNoLog() {
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 5)).singleElement().asString().contains("no log");
    }
}
