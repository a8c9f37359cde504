package org.zhonglou.stack;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** One message as the sink shows it: MIME decoded, so UTF-8 subjects and bodies read as written. */
record ReceivedMail(String messageId, String from, String to, String subject, String text, Instant receivedAt) {

    static ReceivedMail of(MimeMessage message) throws MessagingException, IOException {
        Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : Instant.now();
        return new ReceivedMail(message.getMessageID(), addresses(message.getFrom()),
                addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject(),
                text(message), received);
    }

    /** The fields the sink's JSON shows, in that order; the Message-ID only serves to fold copies. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("to", to);
        fields.put("from", from);
        fields.put("subject", subject);
        fields.put("text", text);
        fields.put("receivedAt", receivedAt.toString());
        return fields;
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.getAddress() : a.toString())
                .collect(Collectors.joining(", "));
    }

    /** The plain-text body; for an HTML-only message the HTML itself, which still shows the content. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/html") && html == null) {
                    html = text(child);
                } else if (!child.isMimeType("text/html")) {
                    String found = text(child);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return html;
        }
        return null;
    }
}
