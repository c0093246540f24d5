package kyodo.ledger.journal.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import kyodo.ledger.journal.JournalFixture;
import kyodo.ledger.journal.note.SignedNote;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A log over HTTP for witness tests, speaking what Kyodo's log serves under its prefix {@code /log}: the latest
 * checkpoint a test chose to show, consistency proofs from the books behind it, and a place to post
 * cosignatures (kept as posted). A test can swap the books for other ones signed with the same key: a log that
 * rewrote its history.
 */
final class TestLogServer implements AutoCloseable {
    private final HttpServer server;
    private volatile JournalFixture books;
    private volatile SignedNote shown;
    final List<String> posted = new CopyOnWriteArrayList<>();

    TestLogServer(JournalFixture books) throws IOException {
        this.books = books;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/log/checkpoint", exchange -> answer(exchange, 200, shown.format()));
        server.createContext("/log/consistency", this::consistency);
        server.createContext("/log/cosignatures", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 201, "stored");
        });
        server.start();
    }

    String prefix() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/log";
    }

    /** Shows the books' checkpoint of {@code size} as the latest one. */
    void show(long size) {
        shown = books.journal.checkpoint(size).orElseThrow(() -> new IllegalArgumentException("no checkpoint "
                + size));
    }

    /** Serves other books from now on (same origin and key): a rewritten history. */
    void rewriteWith(JournalFixture other) {
        books = other;
    }

    private void consistency(HttpExchange exchange) throws IOException {
        long first = 0;
        long second = 0;
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            String[] parts = pair.split("=");
            if (parts[0].equals("first")) {
                first = Long.parseLong(parts[1]);
            } else if (parts[0].equals("second")) {
                second = Long.parseLong(parts[1]);
            }
        }
        List<String> hashes = new ArrayList<>();
        for (byte[] hash : books.journal.consistencyProof(first, second).hashes()) {
            hashes.add("\"" + Base64.getEncoder().encodeToString(hash) + "\"");
        }
        answer(exchange, 200, "{\"first\":" + first + ",\"second\":" + second + ",\"hashes\":["
                + hashes.stream().collect(Collectors.joining(",")) + "]}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
