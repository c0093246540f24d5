package kyodo.wallet.log;

import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.Ledger;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.export.ExportFormat;
import kyodo.ledger.journal.merkle.ConsistencyProof;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the public log answers, read from the stored tree and checkpoints: nothing here computes a proof by
 * rehashing the log. Sizes name stored checkpoints, because a proof is only worth something against a root the
 * log has signed.
 */
@Component
public class PublicLog {
    /**
     * Keys of the entries whose contents anyone may read: the fund's (donations, awards, disbursements), which
     * name no donor. Points entries are residents' own dealings (a transfer carries its sender's note, a payment
     * the shop), so the log proves them (their hashes are in every proof) but does not show them.
     */
    public static final List<String> PUBLIC_KEY_PREFIXES = List.of("fund-");

    private final PostgresJournal journal;
    private final CheckpointSigner signer;
    private final Ledger ledger;

    PublicLog(PostgresJournal journal, CheckpointSigner signer, Ledger ledger) {
        this.journal = journal;
        this.signer = signer;
        this.ledger = ledger;
    }

    /** One entry with its canonical bytes (the Merkle leaf) and the leaf hash. */
    public record Entry(JournalEntry entry, byte[] canonical, byte[] leafHash, String json) {
    }

    /** The checkpoint of {@code size}, or the latest when {@code size} is {@code null}. */
    public StoredCheckpoint checkpoint(Long size) {
        try {
            if (size == null) {
                return journal.latestCheckpoint().orElseThrow(() -> new LogRefused(404, "NO_CHECKPOINT",
                        "the log has signed no checkpoint yet"));
            }
            return journal.checkpoint(size).orElseThrow(() -> new LogRefused(404, "CHECKPOINT_NOT_FOUND",
                    "no checkpoint of tree size " + size));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The newest checkpoint that contains entry {@code sequence}, if one has been signed since it was posted. */
    public Optional<StoredCheckpoint> checkpointContaining(long sequence) {
        try {
            return journal.latestCheckpoint().filter(c -> c.treeSize() >= sequence);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public InclusionProof inclusion(long sequence, StoredCheckpoint checkpoint) {
        if (sequence > checkpoint.treeSize()) {
            throw new LogRefused(400, "BEYOND_TREE", "sequence " + sequence + " is beyond tree size "
                    + checkpoint.treeSize());
        }
        try {
            return journal.inclusionProof(sequence, checkpoint.treeSize());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public ConsistencyProof consistency(long first, long second) {
        if (first > second) {
            throw new LogRefused(400, "SIZES_OUT_OF_ORDER", "first (" + first + ") must not be larger than second ("
                    + second + ")");
        }
        checkpoint(first);
        checkpoint(second);
        try {
            return journal.consistencyProof(first, second);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public Entry entry(long sequence) {
        long head = ledger.head().sequence();
        if (sequence > head) {
            throw new LogRefused(404, "ENTRY_NOT_FOUND", "the journal has " + head + " entries, not " + sequence);
        }
        JournalEntry entry = ledger.entry(sequence).orElseThrow(() -> new LogRefused(404, "ENTRY_NOT_FOUND",
                "no entry " + sequence));
        if (!isPublic(entry)) {
            throw new LogRefused(404, "ENTRY_NOT_PUBLIC", "entry " + sequence + " is not one of the fund's entries");
        }
        byte[] canonical = CanonicalEncoding.encode(entry);
        byte[] leaf = new MerkleHash().leaf(canonical);
        String json = ExportFormat.entry(entry, leaf, id -> ledger.account(new AccountId(id)).map(Account::code)
                .orElse(""));
        return new Entry(entry, canonical, leaf, json);
    }

    public static boolean isPublic(JournalEntry entry) {
        return PUBLIC_KEY_PREFIXES.stream().anyMatch(prefix -> entry.key().value().startsWith(prefix));
    }

    public String accountCode(AccountId id) {
        return ledger.account(id).map(Account::code).orElse(String.valueOf(id.value()));
    }

    public List<VerifierKey> keys() {
        return signer.verifierKeys();
    }

    public String origin() {
        return signer.origin();
    }

    /** Whether the stored note is signed by one of the log's current keys (a self-check shown on the page). */
    public boolean signedByThisLog(StoredCheckpoint checkpoint) {
        try {
            return SignedNote.parse(checkpoint.note()).verify(keys()).verified();
        } catch (NoteFormatException e) {
            return false;
        }
    }

    /**
     * The keys as one text that the verifier's {@code --keys} reads: per key its name and id, the vkey line
     * ({@code name+id+base64}) and the SPKI PEM block.
     */
    public String keysText() {
        StringWriter out = new StringWriter();
        for (VerifierKey key : keys()) {
            out.write("Key name: " + key.name() + "\n");
            out.write("Key ID: " + key.idHex() + "\n");
            out.write("vkey: " + key.vkey() + "\n");
            out.write(pem(key));
            out.write("\n");
        }
        return out.toString();
    }

    public static String pem(VerifierKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.spki());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private static UncheckedIOException unavailable(SQLException e) {
        return new UncheckedIOException(new IOException("the journal cannot be read now", e));
    }
}
