package kyodo.ledger.journal.witness;

import kyodo.ledger.journal.json.JsonReader;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleProofs;
import kyodo.ledger.journal.note.SignedNote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A log over HTTP under one URL prefix: {@code GET <prefix>/checkpoint} (text/plain signed note),
 * {@code GET <prefix>/consistency?first=<m>&second=<n>} (JSON with {@code hashes}, base64) and
 * {@code POST <prefix>/cosignatures} (text/plain note). Answers are read up to a bound, never whole.
 */
public final class HttpLogClient implements LogClient {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int ANSWER_BYTES_MAX = SignedNote.NOTE_BYTES_MAX;

    private final String prefix;
    private final HttpClient http;

    public HttpLogClient(String prefix) {
        URI uri = URI.create(prefix);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the log's URL must start with https:// (or http://), was " + prefix);
        }
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String checkpoint() throws IOException {
        return send(HttpRequest.newBuilder(URI.create(prefix + "/checkpoint")).header("Accept", "text/plain")
                .GET());
    }

    @Override
    public List<byte[]> consistency(long oldSize, long newSize) throws IOException {
        String json = send(HttpRequest.newBuilder(URI.create(prefix + "/consistency?first=" + oldSize + "&second="
                + newSize)).header("Accept", "application/json").GET());
        try {
            Map<String, Object> answer = JsonReader.parseObject(json);
            if (!(answer.get("hashes") instanceof List<?> hashes) || hashes.size() > MerkleProofs.PROOF_HASHES_MAX) {
                throw new IOException("the log's consistency proof has no list of at most "
                        + MerkleProofs.PROOF_HASHES_MAX + " hashes");
            }
            List<byte[]> proof = new ArrayList<>();
            for (Object hash : hashes) {
                byte[] bytes = hash instanceof String text ? Base64.getDecoder().decode(text) : new byte[0];
                if (bytes.length != MerkleHash.HASH_BYTES) {
                    throw new IOException("the log's consistency proof holds a hash that is not 32 bytes of base64");
                }
                proof.add(bytes);
            }
            return proof;
        } catch (JsonReader.JsonException | IllegalArgumentException e) {
            throw new IOException("the log's consistency proof is not the JSON it should be: " + e.getMessage(), e);
        }
    }

    @Override
    public String postCosignature(String cosignedNote) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(prefix + "/cosignatures"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(cosignedNote, StandardCharsets.UTF_8)));
    }

    private String send(HttpRequest.Builder builder) throws IOException {
        HttpRequest request = builder.timeout(TIMEOUT).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + request.uri(), e);
        }
        String body;
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(ANSWER_BYTES_MAX + 1);
            if (bytes.length > ANSWER_BYTES_MAX) {
                throw new IOException(request.method() + " " + request.uri() + " answered more than "
                        + ANSWER_BYTES_MAX + " bytes");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        if (response.statusCode() / 100 != 2) {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + shown.strip());
        }
        return body;
    }
}
