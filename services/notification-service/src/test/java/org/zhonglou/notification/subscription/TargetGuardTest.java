package org.zhonglou.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SSRF guard of the production profile, with a fixed resolver instead of DNS. */
class TargetGuardTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "localhost", "127.0.0.1",
            "intranet.example.com", "10.1.2.3",
            "rebind.example.com", "127.0.0.1",
            "metadata.example.com", "169.254.169.254",
            "cgnat.example.com", "100.64.0.1",
            "v6-private.example.com", "fd00::1",
            "v6-mapped.example.com", "::ffff:192.168.1.1");

    private final TargetGuard production = new TargetGuard(false, TargetGuardTest::resolve);
    private final TargetGuard local = new TargetGuard(true, TargetGuardTest::resolve);

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null) {
            return List.of(InetAddress.getByName(host.matches("[0-9.:a-fA-F]+") ? host : "invalid.invalid"));
        }
        return List.of(InetAddress.getByName(ip));
    }

    @Test
    void productionAcceptsAnHttpsUrlOnAPublicAddress() {
        assertThat(production.problem(Channel.WEBHOOK, "https://hooks.example.com/zhonglou")).isNull();
    }

    @Test
    void productionRefusesPlainHttp() {
        assertThat(production.problem(Channel.WEBHOOK, "http://hooks.example.com/zhonglou")).isEqualTo("must use https");
    }

    @Test
    void productionRefusesPrivateLoopbackLinkLocalAndReservedAddresses() {
        for (String url : List.of("https://127.0.0.1/x", "https://localhost/x", "https://10.0.0.8/x",
                "https://192.168.1.10/x", "https://172.16.5.5/x", "https://[::1]/x", "https://169.254.169.254/x",
                "https://intranet.example.com/x", "https://rebind.example.com/x", "https://metadata.example.com/x",
                "https://cgnat.example.com/x", "https://v6-private.example.com/x", "https://v6-mapped.example.com/x",
                "https://0.0.0.0/x")) {
            assertThat(production.problem(Channel.WEBHOOK, url)).as(url)
                    .isEqualTo("must not point to a private, loopback or link-local address");
        }
    }

    @Test
    void theSendTimeCheckRefusesAHostThatNowResolvesPrivately() {
        assertThatThrownBy(() -> production.checkBeforeSend("https://rebind.example.com/hook"))
                .isInstanceOf(TargetGuard.ForbiddenTargetException.class);
    }

    @Test
    void malformedUrlsCredentialsAndOtherSchemesAreRefusedEverywhere() {
        for (TargetGuard guard : List.of(production, local)) {
            assertThat(guard.problem(Channel.WEBHOOK, "not a url")).isNotNull();
            assertThat(guard.problem(Channel.WEBHOOK, "/relative/path")).isNotNull();
            assertThat(guard.problem(Channel.WEBHOOK, "file:///etc/passwd")).isNotNull();
            assertThat(guard.problem(Channel.WEBHOOK, "https://user:pw@hooks.example.com/")).isNotNull();
            assertThat(guard.problem(Channel.WEBHOOK, " ")).isNotNull();
        }
    }

    @Test
    void theLocalProfileAllowsHttpLoopbackReceivers() {
        assertThat(local.problem(Channel.WEBHOOK, "http://localhost:9000/hook")).isNull();
        assertThat(local.problem(Channel.WEBHOOK, "http://127.0.0.1:9000/hook")).isNull();
    }

    @Test
    void emailTargetsNeedAnAddress() {
        assertThat(production.problem(Channel.EMAIL, "duty@zhonglou.example")).isNull();
        assertThat(production.problem(Channel.EMAIL, "duty.zhonglou.example")).isNotNull();
        assertThat(production.problem(Channel.EMAIL, "a@b")).isNotNull();
        assertThat(production.problem(Channel.EMAIL, "Duty <duty@zhonglou.example>")).isNotNull();
    }
}
