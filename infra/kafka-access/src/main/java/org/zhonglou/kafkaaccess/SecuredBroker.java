package org.zhonglou.kafkaaccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

/**
 * A single KRaft broker (combined broker and controller) that authenticates every client with SCRAM and
 * authorizes with ACLs. SCRAM credentials live in the cluster metadata, so the controller listener,
 * which must work before any metadata exists, uses PLAIN with the admin's password; the admin's SCRAM
 * credential is written when the storage is formatted ({@link #formatArguments}), the others at start.
 */
public final class SecuredBroker {

    public static final String LISTENER = "SASL_PLAINTEXT";

    private SecuredBroker() {
    }

    /** Listener, authentication and authorizer settings on top of a broker's other settings. */
    public static Properties configure(Properties base, String host, int port, int controllerPort,
            KafkaCredentials credentials) {
        String admin = KafkaAccess.ADMIN;
        String password = credentials.password(admin);
        Properties p = new Properties();
        p.putAll(base);
        p.setProperty("listeners", LISTENER + "://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", LISTENER + "://" + host + ":" + port);
        p.setProperty("listener.security.protocol.map", LISTENER + ":SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.setProperty("inter.broker.listener.name", LISTENER);
        p.remove("security.inter.broker.protocol");
        p.setProperty("sasl.enabled.mechanisms", KafkaCredentials.MECHANISM);
        p.setProperty("sasl.mechanism.inter.broker.protocol", KafkaCredentials.MECHANISM);
        p.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                KafkaCredentials.jaas("org.apache.kafka.common.security.scram.ScramLoginModule", admin, password));
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                        + "\" password=\"" + password + "\" user_" + admin + "=\"" + password + "\";");
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:" + admin);
        p.setProperty("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** Extra arguments of {@code kafka-storage format}: the admin's SCRAM credential in the first metadata. */
    public static List<String> formatArguments(KafkaCredentials credentials) {
        return List.of("--add-scram", KafkaCredentials.MECHANISM + "=[name=" + KafkaAccess.ADMIN + ",password="
                + credentials.password(KafkaAccess.ADMIN) + "]");
    }

    /** Creates or resets every service user's credential and grants its ACLs; safe on every start. */
    public static void grant(Admin admin, KafkaCredentials credentials, long timeoutMillis)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> users = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (ServiceAccess service : KafkaAccess.SERVICES) {
            users.add(new UserScramCredentialUpsertion(service.user(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), credentials.password(service.user())));
            acls.addAll(service.bindings());
        }
        admin.alterUserScramCredentials(users).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        admin.createAcls(acls).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
