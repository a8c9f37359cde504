package org.zhonglou.loadtools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    @TempDir
    Path dir;

    @Test
    void replacesOnlyItsOwnSectionOfTheBenchmarksPage() throws Exception {
        Path page = dir.resolve("benchmarks.md");
        Files.writeString(page, "# Benchmarks\n\n## Local store durability\n\nkept as it is\n");

        report(25_000).updateMarkdown(page);
        report(31_000).updateMarkdown(page);

        String text = Files.readString(page);
        assertThat(text).contains("## Local store durability\n\nkept as it is");
        assertThat(text).contains("31,000").doesNotContain("25,000");
        assertThat(text.split(java.util.regex.Pattern.quote(BenchReport.BEGIN), -1)).hasSize(2);
    }

    @Test
    void tableComparesEachFigureWithItsGoal() {
        String table = report(25_000).table();

        assertThat(table).contains("| ingestReadingsPerSecond (stored) | 25,000 | >= 20,000 | yes |");
        assertThat(table).contains("| ingest share of raw Kafka | 0.25 | >= 0.25 | yes |");
        assertThat(table).contains("| rushOverbooked | 0 | 0 | yes |");
        assertThat(table).contains("| stackRssMb | 2,600 | < 2,500 | no |");
    }

    @Test
    void memoryIsShownPerComponentWithTheConsoleAgainstItsBudget() {
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rssMbByComponent", new java.util.TreeMap<>(Map.of("console", 82L, "kafka", 410L, "store", 300L)));
        BenchReport report = new BenchReport(Instant.parse("2024-08-07T08:00:00Z"), Machine.describe(), BenchOptions.parse(),
                figures, details);

        assertThat(report.memoryTable()).isEqualTo("| console | kafka | store |\n|---:|---:|---:|\n| 82 | 410 | 300 |\n");
        assertThat(report.table()).contains("| consoleRssMb (the staff console) | 82 | < 150 | yes |");
        assertThat(report.markdown()).contains("Resident memory by component at the end (MB):\n\n| console | kafka | store |");
    }

    private static BenchReport report(long ingest) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("kafkaRawRecordsPerSecond", 200L);
        figures.put("kafkaRawReadingsPerSecond", 100_000L);
        figures.put("ingestReadingsPerSecond", ingest);
        figures.put("rushOverbooked", 0);
        figures.put("stackRssMb", 2_600L);
        return new BenchReport(Instant.parse("2024-08-07T08:00:00Z"), Machine.describe(), BenchOptions.parse(),
                figures, new LinkedHashMap<>());
    }
}
