package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhonglou.registration.Samples.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** The console's deliberate "show" of a guardian's contact: staff only, and every look-up logged by ids. */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class GuardianContactIT extends StackScenarios {

    @Test
    void staffSeeAGuardiansContactOnPurposeAndTheLookUpIsLoggedWithIdsOnly(CapturedOutput output) {
        String programme = createProgramme(api(), programme(5, 5));
        ApiClient.Answer enrolled = enrol(api(), programme, unique("p"), unique("k"), enrollment(unique("小明"), 7));
        String enrollment = enrolled.json().path("id").asString();
        String path = "/api/enrollments/" + enrollment + "/contact";

        ApiClient.Answer shown = api().get(path).bearer(TestTokens.staff("staff-contact")).send();

        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        JsonNode contact = shown.json();
        assertThat(contact.path("phone").asString()).isEqualTo("+8613900000007");
        assertThat(contact.path("email").asString()).isEqualTo("parent7@example.cn");
        assertThat(output.getOut()).contains("guardian contact shown: enrollment=" + enrollment + " programme=" + programme
                + " staff=staff-contact");
        assertThat(output.getOut()).doesNotContain("+8613900000007").doesNotContain("parent7@example.cn");
    }

    @Test
    void parentsAndStrangersGetNoContactAndAnUnknownEnrollmentIs404() {
        String programme = createProgramme(api(), programme(5, 5));
        String parent = unique("p");
        String enrollment = enrol(api(), programme, parent, unique("k"), enrollment(unique("小红"), 8)).json().path("id").asString();
        String path = "/api/enrollments/" + enrollment + "/contact";

        assertThat(api().get(path).send().status()).isEqualTo(401);
        assertThat(api().get(path).bearer(TestTokens.parent(parent)).send().status()).isEqualTo(403);
        ApiClient.Answer unknown = api().get("/api/enrollments/enr-0000/contact").bearer(TestTokens.staff("s")).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }
}
