package org.zhonglou.notification.delivery;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.subscription.Subscription;

/** Alert e-mails to staff subscribers. Errors are recorded without the address. */
@Component
class AlertMailSender {

    private final JavaMailSender mail;
    private final String from;

    public AlertMailSender(JavaMailSender mail, NotificationProperties properties) {
        this.mail = mail;
        this.from = properties.mail().from();
    }

    public Outcome send(Subscription subscription, Delivery delivery) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(subscription.target());
        message.setSubject("[" + delivery.severity() + "] " + delivery.stationId() + ": " + delivery.eventType()
                + " " + delivery.alertId());
        message.setText("站点 / Station: " + delivery.stationId() + "\n告警 / Alert: " + delivery.alertId()
                + "\n级别 / Severity: " + delivery.severity() + "\n事件 / Event: " + delivery.eventType()
                + "\n\n" + delivery.payload() + "\n");
        long start = System.nanoTime();
        try {
            mail.send(message);
            return new Outcome(true, null, null, (System.nanoTime() - start) / 1_000_000);
        } catch (MailException e) {
            return Outcome.failed("mail not accepted: " + e.getClass().getSimpleName(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
