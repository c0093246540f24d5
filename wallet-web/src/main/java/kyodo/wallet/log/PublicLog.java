package kyodo.wallet.log;

import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.Ledger;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.Cosignatures;
import kyodo.ledger.journal.checkpoint.KeyDirectory;
import kyodo.ledger.journal.export.ExportFormat;
import kyodo.ledger.journal.merkle.ConsistencyProof;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.TilePath;
import kyodo.ledger.journal.note.CosignerKey;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import kyodo.ledger.journal.postgres.StoredCosignature;
import kyodo.fund.report.PublishedKeys;
import kyodo.wallet.journal.JournalProperties;
import kyodo.wallet.journal.Witnesses;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the public log answers, read from the stored tree and checkpoints: nothing here computes a proof by
 * rehashing the log. Sizes name stored checkpoints, because a proof is only worth something against a root the
 * log has signed.
 */
@Component
public class PublicLog implements PublishedKeys {
    /**
     * Keys of the entries whose contents anyone may read: the fund's (donations, awards, disbursements), which
     * name no donor. Points entries are residents' own dealings (a transfer carries its sender's note, a payment
     * the shop), so the log proves them (their hashes are in every proof) but does not show them.
     */
    public static final List<String> PUBLIC_KEY_PREFIXES = List.of("fund-");

    /** Checkpoints per page of the history. */
    public static final int HISTORY_PAGE_MAX = 100;

    private final PostgresJournal journal;
    private final CheckpointSigner signer;
    private final Ledger ledger;
    private final Witnesses witnesses;
    private final List<VerifierKey> keys;
    private final Clock clock;

    PublicLog(PostgresJournal journal, CheckpointSigner signer, Ledger ledger, Witnesses witnesses,
              JournalProperties properties, Clock clock) {
        this.journal = journal;
        this.signer = signer;
        this.ledger = ledger;
        this.witnesses = witnesses;
        this.clock = clock;
        // The signing keys, then keys retired from signing whose checkpoints must keep verifying.
        List<VerifierKey> all = new ArrayList<>(signer.verifierKeys());
        for (VerifierKey retired : KeyDirectory.publicKeys(properties.keysDirectory())) {
            if (!all.contains(retired)) {
                all.add(retired);
            }
        }
        this.keys = List.copyOf(all);
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

    /** Every public key of the log: the ones that sign now, then retired ones (their checkpoints still verify). */
    public List<VerifierKey> keys() {
        return keys;
    }

    public List<CosignerKey> witnessKeys() {
        return witnesses.keys();
    }

    /** The checkpoint's note with every witness cosignature appended, as C2SP tlog-tiles serves it. */
    public String cosignedNote(StoredCheckpoint checkpoint) {
        try {
            return journal.cosignedNote(checkpoint);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The stored cosignatures of a checkpoint, by witness. */
    public List<StoredCosignature> cosignatures(StoredCheckpoint checkpoint) {
        try {
            return journal.cosignatures(checkpoint.treeSize());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** A tile as C2SP tlog-tiles serves it. */
    public byte[] tile(TilePath path) {
        try {
            return journal.tile(path).orElseThrow(() -> new LogRefused(404, "TILE_NOT_FOUND", "the tree holds no "
                    + path.path() + " yet"));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** An entry bundle: fund entries as canonical bytes, points entries withheld as their leaf hashes. */
    public byte[] entryBundle(TilePath path) {
        try {
            return journal.entryBundle(path.index(), path.width(), PublicLog::isPublic).orElseThrow(() ->
                    new LogRefused(404, "TILE_NOT_FOUND", "the tree holds no entries for "
                            + path.path().replaceFirst("^tile/0/", "tile/entries/") + " yet"));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** One row of the checkpoint history. */
    public record HistoryRow(StoredCheckpoint checkpoint, int witnesses) {
    }

    /** A page of the checkpoint history, newest first, and where the next (older) page starts, if any. */
    public record HistoryPage(List<HistoryRow> rows, long total, Long nextBefore) {
    }

    /** Up to {@code limit} checkpoints below tree size {@code before} ({@code null}: from the newest). */
    public HistoryPage history(Long before, int limit) {
        if (limit < 1 || limit > HISTORY_PAGE_MAX) {
            throw LogRefused.invalid("limit must be in 1.." + HISTORY_PAGE_MAX + ", was " + limit);
        }
        try {
            List<StoredCheckpoint> page = journal.checkpointsBefore(before == null ? Long.MAX_VALUE : before,
                    limit + 1);
            boolean more = page.size() > limit;
            List<StoredCheckpoint> shown = more ? page.subList(0, limit) : page;
            Map<Long, Integer> counts = shown.isEmpty() ? Map.of() : journal.witnessCounts(
                    shown.get(shown.size() - 1).treeSize(), shown.get(0).treeSize());
            List<HistoryRow> rows = shown.stream().map(c -> new HistoryRow(c, counts.getOrDefault(c.treeSize(), 0)))
                    .toList();
            return new HistoryPage(rows, journal.checkpointCount(), more ? shown.get(limit - 1).treeSize() : null);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** What became of a note a witness posted. */
    public record Cosigned(Cosignatures.Decision decision, int stored) {
    }

    /**
     * Checks a note a witness posted (the checkpoint body and its cosignature lines) and keeps the cosignatures
     * that verify; refusals are {@link LogRefused} with the reason.
     */
    public Cosigned acceptCosignatures(String note) {
        Instant now = clock.instant();
        Cosignatures.Decision decision = Cosignatures.check(note, origin(), this::storedBody, witnessKeys(), now);
        if (!decision.accepted()) {
            int status = switch (decision.code()) {
                case UNKNOWN_CHECKPOINT -> 404;
                case NO_KNOWN_WITNESS, BAD_SIGNATURE -> 403;
                default -> 400;
            };
            throw new LogRefused(status, "COSIGNATURE_" + decision.code().name(), decision.detail());
        }
        try {
            return new Cosigned(decision, journal.storeCosignatures(decision.checkpoint().size(), decision.verified(),
                    now));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private Optional<String> storedBody(long size) {
        try {
            Optional<StoredCheckpoint> stored = journal.checkpoint(size);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(SignedNote.parse(stored.get().note()).text());
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (NoteFormatException e) {
            throw new IllegalStateException("the stored checkpoint of tree size " + size + " is not a note", e);
        }
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
     * ({@code name+id+base64}) and the SPKI PEM block. The fund puts the same text into its reports' proof bundles.
     */
    @Override
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
