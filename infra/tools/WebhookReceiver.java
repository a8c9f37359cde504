import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local webhook receiver for trying alert subscriptions, runnable with nothing but a JDK:
 * {@code java infra/tools/WebhookReceiver.java 9999 [signingSecret]}. Prints each delivery and, given
 * the subscription's secret, whether its X-Signature is valid. Answers 204 to every POST.
 */
public class WebhookReceiver {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9999;
        String secret = args.length > 1 ? args[1] : null;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Signature");
            String verdict = secret == null ? "" : valid(secret, body, signature) ? " [signature ok]" : " [BAD SIGNATURE]";
            System.out.println(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " event "
                    + exchange.getRequestHeaders().getFirst("X-Event-Id") + verdict);
            System.out.println(new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("listening on http://127.0.0.1:" + port + "/ (Ctrl-C to stop)");
    }

    private static boolean valid(String secret, byte[] body, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }
}
