package org.zhonglou.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.zhonglou.testsupport.LocalMongo;

/** The peers outside the system, one of each per test JVM: an SMTP server and the registration stand-in. */
public final class TestPeers {

    private static GreenMail mail;
    private static RegistrationStandIn registration;

    private TestPeers() {
    }

    public static synchronized GreenMail mail() {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(LocalMongo.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
        }
        return mail;
    }

    /** The messages the SMTP peer received for {@code address}. */
    public static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mail().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equals(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    public static synchronized RegistrationStandIn registration() {
        if (registration == null) {
            registration = new RegistrationStandIn(LocalMongo.freePort()).start();
        }
        return registration;
    }

    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-peers", Map.of(
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", String.valueOf(mail().getSmtp().getPort()),
                    "notification.registration.base-url", registration().baseUrl())));
        }
    }
}
