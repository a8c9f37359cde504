package org.zhonglou.notification.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A live-stream client on a plain socket (HTTP/1.0, so no chunk-size lines), so that a test controls
 * exactly how it reads: line by line in the background, or not at all (a stalled client whose receive
 * buffer fills up).
 */
final class RawStream implements AutoCloseable {

    private final Socket socket;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    private RawStream(Socket socket) {
        this.socket = socket;
    }

    /** Sends the request; {@code reading} starts a reader of every line, else nothing is ever read. */
    static RawStream open(int port, String token, boolean reading) {
        try {
            Socket socket = new Socket();
            if (!reading) {
                socket.setReceiveBufferSize(4096);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/alerts/stream HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                    + token + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawStream stream = new RawStream(socket);
            if (reading) {
                Thread reader = new Thread(stream::readAll, "raw-stream-reader");
                reader.setDaemon(true);
                reader.start();
            }
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readAll() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            ended = true;
        }
    }

    List<String> lines() {
        return lines;
    }

    boolean hasLine(String line) {
        return lines.contains(line);
    }

    /** True once the server has ended the response and closed the connection. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
