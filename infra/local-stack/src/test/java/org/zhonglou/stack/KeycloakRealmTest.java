package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm compose's Keycloak imports (infra/keycloak/zhonglou-realm.json). No Keycloak runs here, so the
 * file is checked for what the services rely on: the roles claim, the audiences, the client-credentials
 * client of notification, a test user per role, and no secret written into it.
 */
class KeycloakRealmTest {

    private static JsonNode realm;

    @BeforeAll
    static void parse() throws Exception {
        realm = new ObjectMapper().readTree(ComposeFile.read("infra/keycloak/zhonglou-realm.json"));
    }

    @Test
    void theRealmHasTheThreeRolesAndPutsThemInTheRolesClaim() {
        assertThat(texts(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrder("PARENT", "STAFF", "SERVICE");
        JsonNode scope = find(realm.path("clientScopes"), "name", "zhonglou-roles");
        JsonNode mapper = find(scope.path("protocolMappers"), "name", "roles");
        assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-realm-role-mapper");
        assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("roles");
        assertThat(mapper.path("config").path("multivalued").asText()).isEqualTo("true");
        assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");
    }

    @Test
    void eachServiceIsAClientNamedAfterItsAudienceAndTheConsoleGetsTokensForAllThree() {
        for (String audience : List.of("registration", "station-monitoring", "notification")) {
            JsonNode client = find(realm.path("clients"), "clientId", audience);
            assertThat(client.path("bearerOnly").asBoolean()).as(audience).isTrue();
        }
        JsonNode console = find(realm.path("clients"), "clientId", "console");
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(texts(console.path("defaultClientScopes"), null)).contains("zhonglou-roles");
        assertThat(audiences(console)).containsExactlyInAnyOrder("registration", "station-monitoring", "notification");
    }

    @Test
    void notificationIsAConfidentialClientWhoseServiceAccountHasRoleServiceForRegistration() {
        JsonNode client = find(realm.path("clients"), "clientId", "notification-service");
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("secret").asText()).isEqualTo("${NOTIFICATION_CLIENT_SECRET}");
        assertThat(audiences(client)).containsExactly("registration");
        assertThat(texts(client.path("defaultClientScopes"), null)).contains("zhonglou-roles");
        JsonNode account = find(realm.path("users"), "serviceAccountClientId", "notification-service");
        assertThat(texts(account.path("realmRoles"), null)).containsExactly("SERVICE");
    }

    @Test
    void oneTestUserPerRoleWithItsPasswordFromTheEnvironment() {
        List<String> roles = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("credentials")) {
                roles.addAll(texts(user.path("realmRoles"), null));
                assertThat(user.path("credentials").get(0).path("value").asText()).as(user.path("username").asText())
                        .matches("\\$\\{KEYCLOAK_TEST_[A-Z]+_PASSWORD}");
            }
        }
        assertThat(roles).containsExactlyInAnyOrder("PARENT", "STAFF", "SERVICE");
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
    }

    private static List<String> audiences(JsonNode client) {
        List<String> audiences = new ArrayList<>();
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                    && mapper.path("config").path("access.token.claim").asText().equals("true")) {
                audiences.add(mapper.path("config").path("included.custom.audience").asText());
            }
        }
        return audiences;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> node.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " = " + value));
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> field == null ? node.asText() : node.path(field).asText()).toList();
    }
}
