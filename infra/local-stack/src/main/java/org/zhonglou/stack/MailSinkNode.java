package org.zhonglou.stack;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SMTP sink as its own process (SMTP 1025, HTTP 8025). Messages live in memory only. */
public final class MailSinkNode {

    private static final Logger log = LoggerFactory.getLogger(MailSinkNode.class);

    private MailSinkNode() {
    }

    public static void main(String[] args) throws Exception {
        MailSink sink = MailSink.start(Ports.HOST, Ports.SMTP, Ports.MAIL_HTTP);
        log.info("Mail sink: SMTP on {}, messages at http://localhost:{}/messages", sink.smtpPort(), sink.httpPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.close();
            stopped.countDown();
        }, "mail-sink-shutdown"));
        stopped.await();
    }
}
