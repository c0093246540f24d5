package kyodo.wallet.log;

import com.fasterxml.jackson.annotation.JsonRawValue;
import kyodo.ledger.journal.merkle.ConsistencyProof;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import kyodo.fund.problem.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The log for programs, without sign-in: {@code /log/checkpoint} (the C2SP signed note as text) and
 * {@code /log/checkpoint.json}, {@code /log/entries/{sequence}.json}, {@code /log/entries/{sequence}/inclusion},
 * {@code /log/consistency}, and the public keys at {@code /.well-known/kyodo-log-keys} (vkey lines and PEM, the
 * text the verifier's {@code --keys} reads) and {@code /log/keys.json}. Hashes are base64, as in the note.
 */
@RestController
class LogApi {
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final PublicLog log;
    private final Problems problems;

    LogApi(PublicLog log, Problems problems) {
        this.log = log;
        this.problems = problems;
    }

    @GetMapping(value = "/log/checkpoint", produces = "text/plain")
    ResponseEntity<String> checkpointNote(@RequestParam(required = false) String size) {
        StoredCheckpoint checkpoint = log.checkpoint(LogInput.optionalPositive("size", size));
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.noCache()).body(checkpoint.note());
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

    record KeysView(String origin, List<KeyView> keys) {
    }

    @GetMapping("/log/keys.json")
    KeysView keysJson() {
        List<KeyView> keys = log.keys().stream().map(k -> new KeyView(k.name(), k.idHex(), k.vkey(),
                PublicLog.pem(k))).toList();
        return new KeysView(log.origin(), keys);
    }

    @ExceptionHandler(LogRefused.class)
    ResponseEntity<ProblemDetail> refused(LogRefused refused) {
        ProblemDetail problem = problems.detail(refused);
        problem.setDetail(refused.getMessage());
        return problems.answer(problem);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
