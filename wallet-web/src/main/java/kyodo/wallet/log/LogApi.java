package kyodo.wallet.log;

import com.fasterxml.jackson.annotation.JsonRawValue;
import kyodo.ledger.journal.merkle.ConsistencyProof;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.merkle.TilePath;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import jakarta.servlet.http.HttpServletRequest;
import kyodo.fund.problem.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The log for programs, without sign-in, as a C2SP tlog-tiles log under the prefix {@code /log}:
 * {@code /log/checkpoint} (the signed note with every witness cosignature, as text), {@code /log/tile/<L>/<N>}
 * and {@code /log/tile/entries/<N>} (tiles and entry bundles, immutable, cached for a year); besides those
 * {@code /log/checkpoint.json}, {@code /log/checkpoints.json} (the history, paged),
 * {@code /log/entries/{sequence}.json}, {@code /log/entries/{sequence}/inclusion}, {@code /log/consistency},
 * {@code POST /log/cosignatures} (where a witness posts its cosignature), and the public keys at {@code /.well-known/kyodo-log-keys} (vkey lines and PEM,
 * the text the verifier's {@code --keys} reads) and {@code /log/keys.json}. Hashes are base64, as in the note.
 */
@RestController
class LogApi {
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    static final Duration TILE_CACHE = Duration.ofDays(365);

    private final PublicLog log;
    private final Problems problems;

    LogApi(PublicLog log, Problems problems) {
        this.log = log;
        this.problems = problems;
    }

    @GetMapping(value = "/log/checkpoint", produces = "text/plain")
    ResponseEntity<String> checkpointNote(@RequestParam(required = false) String size) {
        StoredCheckpoint checkpoint = log.checkpoint(LogInput.optionalPositive("size", size));
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.noCache())
                .body(log.cosignedNote(checkpoint));
    }

    /** C2SP tlog-tiles: {@code tile/<L>/<N>[.p/<W>]}, the tree's hashes, 32 bytes each. */
    @GetMapping("/log/tile/{level}/{*index}")
    ResponseEntity<byte[]> tile(@PathVariable String level, @PathVariable String index) {
        TilePath path = tilePath(level + index);
        return tileResponse(path, log.tile(path));
    }

    /**
     * C2SP tlog-tiles entry bundles, {@code tile/entries/<N>[.p/<W>]}: fund entries as canonical bytes; a points
     * entry is withheld as {@code 0x00 || leaf hash} (residents' dealings stay private, their hashes are proved).
     */
    @GetMapping("/log/tile/entries/{*index}")
    ResponseEntity<byte[]> entryBundle(@PathVariable String index) {
        TilePath path = tilePath("0" + index);
        return tileResponse(path, log.entryBundle(path));
    }

    private static TilePath tilePath(String levelAndIndex) {
        TilePath path = TilePath.parse("tile/" + levelAndIndex);
        if (path == null) {
            throw LogRefused.invalid("not a C2SP tile path: tile/" + shorten(levelAndIndex)
                    + " (tile/<L>/<N>[.p/<W>], N in groups of three digits such as x001/234)");
        }
        return path;
    }

    /** A tile never changes once served (a partial one has its own path), so caches may keep it for a year. */
    private static ResponseEntity<byte[]> tileResponse(TilePath path, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .cacheControl(CacheControl.maxAge(TILE_CACHE).cachePublic().immutable()).body(bytes);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /**
     * Where a witness posts a cosignature: a note holding the checkpoint body, byte for byte as the log signed it,
     * and one or more C2SP tlog-cosignature/v1 lines by witnesses the log lists. The signature is the
     * authentication, so no session (and no CSRF token) is involved.
     */
    @PostMapping(value = "/log/cosignatures", produces = "text/plain")
    ResponseEntity<String> cosign(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(SignedNote.NOTE_BYTES_MAX + 1);
        if (body.length > SignedNote.NOTE_BYTES_MAX) {
            throw new LogRefused(413, "COSIGNATURE_TOO_LARGE", "a cosigned checkpoint is at most "
                    + SignedNote.NOTE_BYTES_MAX + " bytes");
        }
        PublicLog.Cosigned cosigned = log.acceptCosignatures(new String(body, StandardCharsets.UTF_8));
        long size = cosigned.decision().checkpoint().size();
        String witnesses = cosigned.decision().verified().stream().map(v -> v.key().toString()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("");
        return ResponseEntity.status(cosigned.stored() > 0 ? 201 : 200).contentType(TEXT)
                .body((cosigned.stored() > 0 ? "stored " + cosigned.stored() + " cosignature(s)"
                        : "already stored") + " of tree size " + size + " by " + witnesses + "\n");
    }

    /**
     * @param note the checkpoint's note with its cosignatures, as text
     * @param witnesses how many independent witnesses (distinct keys) cosigned it
     */
    record HistoryEntry(long treeSize, String rootHash, Instant createdAt, int witnesses, String note) {
    }

    /** @param next the next (older) page, or {@code null} on the last page */
    record HistoryView(String origin, long total, List<HistoryEntry> checkpoints, String next) {
    }

    @GetMapping("/log/checkpoints.json")
    HistoryView history(@RequestParam(required = false) String before, @RequestParam(required = false) String limit) {
        Long limitValue = LogInput.optionalPositive("limit", limit);
        PublicLog.HistoryPage page = log.history(LogInput.optionalPositive("before", before),
                limitValue == null ? PublicLog.HISTORY_PAGE_MAX : (int) Math.min(limitValue, Integer.MAX_VALUE));
        List<HistoryEntry> rows = page.rows().stream().map(row -> new HistoryEntry(row.checkpoint().treeSize(),
                base64(row.checkpoint().root()), row.checkpoint().createdAt(), row.witnesses(),
                "/log/checkpoint?size=" + row.checkpoint().treeSize())).toList();
        return new HistoryView(log.origin(), page.total(), rows, page.nextBefore() == null ? null
                : "/log/checkpoints.json?before=" + page.nextBefore()
                + (limitValue == null ? "" : "&limit=" + limitValue));
    }

    record CheckpointView(String origin, long treeSize, String rootHash, String rootHex, String note,
                          Instant createdAt) {
        static CheckpointView of(String origin, StoredCheckpoint c) {
            return new CheckpointView(origin, c.treeSize(), base64(c.root()), HexFormat.of().formatHex(c.root()),
                    c.note(), c.createdAt());
        }
    }

    @GetMapping("/log/checkpoint.json")
    CheckpointView checkpoint(@RequestParam(required = false) String size) {
        return CheckpointView.of(log.origin(), log.checkpoint(LogInput.optionalPositive("size", size)));
    }

    record EntryView(long sequence, String key, String canonical, String leafHash, @JsonRawValue String entry) {
    }

    @GetMapping("/log/entries/{sequence}.json")
    EntryView entry(@PathVariable String sequence) {
        PublicLog.Entry found = log.entry(LogInput.positive("sequence", sequence));
        return new EntryView(found.entry().sequence(), found.entry().key().value(), base64(found.canonical()),
                base64(found.leafHash()), found.json());
    }

    /**
     * @param leafIndex the RFC 9162 leaf index, {@code sequence - 1}
     * @param hashes    the audit path from the leaf up
     */
    record InclusionView(long sequence, long leafIndex, long treeSize, String leafHash, List<String> hashes,
                         String rootHash, String checkpoint) {
    }

    @GetMapping("/log/entries/{sequence}/inclusion")
    InclusionView inclusion(@PathVariable String sequence, @RequestParam(required = false) String size) {
        long number = LogInput.positive("sequence", sequence);
        StoredCheckpoint checkpoint = log.checkpoint(LogInput.optionalPositive("size", size));
        InclusionProof proof = log.inclusion(number, checkpoint);
        return new InclusionView(proof.sequence(), proof.index(), proof.treeSize(), base64(proof.leafHash()),
                proof.hashes().stream().map(LogApi::base64).toList(), base64(checkpoint.root()), checkpoint.note());
    }

    record ConsistencyView(long first, long second, List<String> hashes, String firstRootHash,
                           String secondRootHash) {
    }

    @GetMapping("/log/consistency")
    ConsistencyView consistency(@RequestParam(required = false) String first,
                                @RequestParam(required = false) String second) {
        long from = LogInput.positive("first", first);
        long to = LogInput.positive("second", second);
        ConsistencyProof proof = log.consistency(from, to);
        return new ConsistencyView(proof.oldSize(), proof.newSize(), proof.hashes().stream().map(LogApi::base64)
                .toList(), base64(log.checkpoint(from).root()), base64(log.checkpoint(to).root()));
    }

    @GetMapping(value = "/.well-known/kyodo-log-keys", produces = "text/plain")
    ResponseEntity<String> keys() {
        return ResponseEntity.ok().contentType(TEXT).body(log.keysText());
    }

    record KeyView(String name, String id, String vkey, String pem) {
    }

    /** A witness whose cosignatures the log accepts: its cosignature/v1 vkey. */
    record WitnessView(String name, String id, String vkey) {
    }

    record KeysView(String origin, List<KeyView> keys, List<WitnessView> witnesses) {
    }

    @GetMapping("/log/keys.json")
    KeysView keysJson() {
        List<KeyView> keys = log.keys().stream().map(k -> new KeyView(k.name(), k.idHex(), k.vkey(),
                PublicLog.pem(k))).toList();
        List<WitnessView> witnesses = log.witnessKeys().stream().map(w -> new WitnessView(w.name(), w.idHex(),
                w.vkey())).toList();
        return new KeysView(log.origin(), keys, witnesses);
    }

    @ExceptionHandler(LogRefused.class)
    ResponseEntity<ProblemDetail> refused(LogRefused refused) {
        ProblemDetail problem = problems.detail(refused);
        problem.setDetail(refused.getMessage());
        ResponseEntity<ProblemDetail> answer = problems.answer(problem);
        // A tile that does not exist yet will exist soon: a cache must not keep the refusal.
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .cacheControl(CacheControl.noStore()).body(answer.getBody());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
