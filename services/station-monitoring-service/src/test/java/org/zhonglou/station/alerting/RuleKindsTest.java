package org.zhonglou.station.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhonglou.support.refusal.FieldProblem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Every permitted kind of rule validates itself and reads back from its JSON exactly as written. */
class RuleKindsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<Rule>> RULES = new TypeReference<>() {
    };
    private static final TypeReference<List<RuleInput>> INPUTS = new TypeReference<>() {
    };

    static List<Class<?>> kinds() {
        return RuleExamples.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theExampleIsValidAndRoundTripsThroughJsonWithItsKind(Class<?> kind) {
        Rule example = RuleExamples.of(kind);
        assertThat(RuleValidator.problems(List.of(example))).isEmpty();

        String json = JSON.writerFor(RULES).writeValueAsString(List.of(example));

        assertThat(JSON.readTree(json).get(0).path("kind").asString()).isEqualTo(example.kind());
        assertThat(JSON.readValue(json, INPUTS)).containsExactly(example);
        assertThat(JSON.readValue(json, RULES)).containsExactly(example);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRuleWithoutItsKindsFieldsIsRefusedNamingThem(Class<?> kind) {
        List<FieldProblem> problems = RuleValidator.problems(List.of(RuleExamples.bare(kind)));

        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem.field()).startsWith("[0].")
                .isNotIn("[0].name", "[0].severity", "[0].kind"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theApiDocumentsTheKindAndEveryFieldOfIt(Class<?> kind) {
        List<String> documented = Arrays.stream(RuleSchema.class.getRecordComponents()).map(RecordComponent::getName)
                .toList();

        assertThat(Arrays.stream(RuleSchema.Kind.values()).map(Enum::name)).contains(Rule.kindOf(kind));
        assertThat(documented).containsAll(Arrays.stream(kind.getRecordComponents()).map(RecordComponent::getName)
                .toList());
    }

    @Test
    void aMissingOrUnknownKindIsNamedWithTheKindsThereAre() {
        List<RuleInput> read = JSON.readValue("[{\"name\": \"x\", \"severity\": \"MAJOR\", \"silentSeconds\": 5}, "
                + "{\"name\": \"y\", \"kind\": null}, {\"name\": \"z\", \"kind\": \"SOMETHING\", \"severity\": "
                + "\"WARNING\"}]", INPUTS);

        assertThat(RuleValidator.problems(read)).containsExactly(
                new FieldProblem("[0].kind", "must be THRESHOLD, SILENT_DEVICE or DAILY_CAPACITY"),
                new FieldProblem("[1].severity", "is required"),
                new FieldProblem("[1].kind", "must be THRESHOLD, SILENT_DEVICE or DAILY_CAPACITY"),
                new FieldProblem("[2].kind", "must be THRESHOLD, SILENT_DEVICE or DAILY_CAPACITY"));
    }

    @Test
    void anotherKindsFieldsAreAcceptedAndDroppedAsTheSingleRuleAcceptedThem() {
        List<RuleInput> read = JSON.readValue("[{\"name\": \"quiet\", \"kind\": \"SILENT_DEVICE\", \"severity\": "
                + "\"MAJOR\", \"silentSeconds\": 60, \"percent\": 90, \"metric\": \"h2s_ppm\"}]", INPUTS);

        assertThat(read).containsExactly(Rule.silentDevice("quiet", org.zhonglou.contracts.station.Severity.MAJOR, 60));
    }
}
