package org.zhonglou.station.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.station.StationApi;
import org.zhonglou.testsupport.LocalStackTest;

/**
 * Wrong device keys against the running service, sent from addresses of their own on the loopback network
 * (127.0.0.x, so the shared test context's 127.0.0.1 is never throttled). Store reads of the key collection
 * are counted by the Mongo driver's command metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class DeviceKeyThrottleIT {

    private static final int BURST = 30;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    StationApi api;

    @BeforeEach
    void client() {
        api = new StationApi(port);
    }

    @Test
    void wrongKeysFromOneAddressAreThrottledBeforeAnyStoreReadWhateverXForwardedForSays() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "gas-1");
        String attacker = loopbackAddress();
        String path = "/api/stations/" + station + "/commands/pending";
        double readsBefore = keyReads();

        for (int i = 0; i < BURST; i++) {
            Answer wrong = get(attacker, path, "zdk_" + UUID.randomUUID(), "198.51.100." + i);
            assertThat(wrong.status()).as("attempt %d", i).isEqualTo(401);
        }
        assertThat(keyReads() - readsBefore).as("one store read per new wrong key").isEqualTo(BURST);

        for (int i = 0; i < 20; i++) {
            Answer throttled = get(attacker, path, "zdk_" + UUID.randomUUID(), "203.0.113." + i);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.head()).contains("Content-Type: application/problem+json");
            assertThat(Integer.parseInt(throttled.header("Retry-After"))).isPositive();
        }
        assertThat(get(attacker, path, key, null).status()).as("checked before the key is looked up").isEqualTo(429);
        assertThat(keyReads() - readsBefore).as("no store read once throttled").isEqualTo(BURST);
        assertThat(get(loopbackAddress(), path, key, null).status()).as("another address").isEqualTo(200);
    }

    @Test
    void aWrongKeyRepeatedIsAnsweredWithoutAStoreRead() {
        String wrongKey = "zdk_" + UUID.randomUUID();
        String path = "/api/stations/" + api.newStation(200) + "/commands/pending";
        assertThat(get(loopbackAddress(), path, wrongKey, null).status()).isEqualTo(401);
        double readsBefore = keyReads();

        for (int i = 0; i < 5; i++) {
            assertThat(get(loopbackAddress(), path, wrongKey, null).status()).isEqualTo(401);
        }
        assertThat(keyReads()).isEqualTo(readsBefore);
    }

    private double keyReads() {
        return meters.find("mongodb.driver.commands").tag("collection", "device_keys").timers().stream()
                .mapToDouble(Timer::count).sum();
    }

    private static String loopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(2, 255);
    }

    record Answer(int status, String head) {
        String header(String name) {
            return head.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }

    /** One HTTP/1.1 GET from a chosen local address (the JDK's HttpClient cannot bind one). */
    private Answer get(String from, String path, String deviceKey, String forwardedFor) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Device-Key: " + deviceKey + "\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            return new Answer(Integer.parseInt(head.substring(9, 12)), head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
