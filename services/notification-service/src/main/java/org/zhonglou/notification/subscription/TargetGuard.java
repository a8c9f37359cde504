package org.zhonglou.notification.subscription;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates subscription targets and guards webhook sends against SSRF. In production only https is
 * allowed and every address the host resolves to must be public (checked when subscribing and again
 * before each send, since DNS can change); the local profile allows http and loopback receivers.
 */
public class TargetGuard {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"(),;:]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,}$");

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowInsecure;
    private final Resolver resolver;

    public TargetGuard(boolean allowInsecure, Resolver resolver) {
        this.allowInsecure = allowInsecure;
        this.resolver = resolver;
    }

    public static TargetGuard system(boolean allowInsecure) {
        return new TargetGuard(allowInsecure, host -> List.of(InetAddress.getAllByName(host)));
    }

    /** @return why the target is refused, or null when it is acceptable */
    public String problem(Channel channel, String target) {
        if (target == null || target.isBlank()) {
            return "must not be blank";
        }
        if (target.length() > 2048) {
            return "must be at most 2048 characters";
        }
        return channel == Channel.EMAIL ? emailProblem(target) : webhookProblem(target);
    }

    /** The send-time check: throws when the receiver is (now) not an allowed address. */
    public void checkBeforeSend(String url) {
        String problem = webhookProblem(url);
        if (problem != null) {
            throw new ForbiddenTargetException(problem);
        }
    }

    private static String emailProblem(String target) {
        return EMAIL.matcher(target).matches() ? null : "must be an e-mail address";
    }

    private String webhookProblem(String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return "must be an absolute http(s) URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an absolute http(s) URL";
        }
        if (uri.getUserInfo() != null) {
            return "must not contain credentials";
        }
        if (allowInsecure) {
            return null;
        }
        if (!scheme.equals("https")) {
            return "must use https";
        }
        return addressProblem(uri.getHost());
    }

    private String addressProblem(String host) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(IDN.toASCII(host.replaceAll("^\\[|]$", "")));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return "host cannot be resolved";
        }
        if (addresses.isEmpty()) {
            return "host cannot be resolved";
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                return "must not point to a private, loopback or link-local address";
            }
        }
        return null;
    }

    /** A send refused by the guard; the delivery records it as the attempt's error. */
    public static class ForbiddenTargetException extends RuntimeException {
        public ForbiddenTargetException(String message) {
            super("target " + message, null, false, false);
        }
    }
}
