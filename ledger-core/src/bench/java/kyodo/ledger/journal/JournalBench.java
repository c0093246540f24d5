package kyodo.ledger.journal;

import kyodo.ledger.Account;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.Leg;
import kyodo.ledger.LegKind;
import kyodo.ledger.Totals;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.export.ExportFormat;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.merkle.MemoryTree;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleProofs;
import kyodo.ledger.journal.merkle.MerkleTree;
import kyodo.ledger.journal.merkle.TiledNodes;
import kyodo.ledger.journal.merkle.Tiles;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.journal.verify.JournalVerifier;
import kyodo.ledger.journal.verify.VerificationReport;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.TestDatabase;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal's numbers: verifying a 1,000,000-entry export, inclusion proofs on a 10,000,000-leaf tree (in
 * memory and from PostgreSQL tiles), and the books' posting throughput with and without the follower running.
 * Run with {@code ./mvnw -B -o -pl ledger-core -am -Pjournal-bench -DskipTests verify}
 * (or {@code -Djournal.bench.args="verify proof posting pgproof"} for some of them).
 */
public final class JournalBench {
    static final int EXPORT_ENTRIES = 1_000_000;
    static final int EXPORT_ACCOUNTS = 1_000;
    static final int CHECKPOINT_EVERY = 100_000;
    static final int TREE_LEAVES = 10_000_000;
    static final int PROOFS = 10_000;
    static final int POSTING_ENTRIES = 40_000;
    static final int POSTING_THREADS = 8;
    static final int POSTING_BATCH = 200;
    static final long FOLLOWER_PAUSE_MILLIS = 1000;
    static final int POSTING_ROUNDS = 5;
    private static final long SEED = 20261125L;

    private JournalBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = args.length == 0 || args[0].equals("all")
                ? List.of("verify", "proof", "pgproof", "posting") : List.of(String.join(" ", args).split("\\s+"));
        System.out.println("JournalBench on " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB: " + parts);
        MemoryTree tree = null;
        for (String part : parts) {
            switch (part) {
                case "verify" -> verifyExport();
                case "proof" -> tree = proofs(tree);
                case "pgproof" -> tree = postgresProofs(tree);
                case "posting" -> posting();
                default -> throw new IllegalArgumentException("unknown part " + part);
            }
        }
    }

    // ---- 1. verify a 1,000,000-entry export ----

    private static void verifyExport() throws Exception {
        // -Djournal.bench.export=<file> keeps the generated export (and its notes beside it) for later runs.
        String kept = System.getProperty("journal.bench.export", "");
        kept = kept.isBlank() ? null : kept;
        Path file = kept == null ? Files.createTempFile("kyodo-bench-export", ".jsonl") : Path.of(kept);
        Path notesFile = Path.of(file + ".notes");
        NoteSigner signer = NoteSigner.fromSeed("bench.kyodo.example/journal", new byte[32]);
        CheckpointSigner checkpoints = new CheckpointSigner("bench.kyodo.example/ledger/1", List.of(signer));
        long started = System.nanoTime();
        List<String> notes;
        if (kept != null && Files.exists(file) && Files.exists(notesFile)) {
            notes = List.of(Files.readString(notesFile).split("(?<=\\n)(?=bench\\.kyodo)"));
        } else {
            notes = writeExport(file, checkpoints);
            Files.writeString(notesFile, String.join("", notes));
        }
        if (kept != null) {
            // Beside a kept export: the checkpoints as files and the key, for timing the command itself.
            Path dir = Files.createDirectories(Path.of(file + ".checkpoints"));
            for (int i = 0; i < notes.size(); i++) {
                Files.writeString(dir.resolve(String.format("checkpoint-%02d.txt", i)), notes.get(i));
            }
            Files.writeString(Path.of(file + ".vkey"), signer.verifierKey().vkey() + "\n");
        }
        System.out.printf("export: %,d entries (%,d MiB) with %d checkpoints ready in %.1f s%n", EXPORT_ENTRIES,
                Files.size(file) >> 20, notes.size(), seconds(started));
        List<JournalVerifier.CheckpointInput> inputs = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            inputs.add(new JournalVerifier.CheckpointInput("checkpoint-" + i, notes.get(i)));
        }
        List<PublicKeyFile.Entry> keys = List.of(new PublicKeyFile.Entry(Optional.of(signer.verifierKey().name()),
                signer.verifierKey().publicKey()));
        for (int run = 1; run <= 2; run++) {
            started = System.nanoTime();
            VerificationReport report;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                report = JournalVerifier.verify(in, inputs, keys);
            }
            double took = seconds(started);
            System.out.printf("verify: %,d entries, %d checkpoints, %d accounts: %s in %.2f s (%,.0f entries/s), "
                            + "target < 10 s; run %d%n", EXPORT_ENTRIES, notes.size(), EXPORT_ACCOUNTS,
                    report.ok() ? "OK" : "FAILED " + report.failure(), took, EXPORT_ENTRIES / took, run);
        }
        if (kept == null) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(notesFile);
        }
    }

    /** A synthetic export: issuance into wallets and transfers between them, 1 to 3 legs an entry. */
    private static List<String> writeExport(Path file, CheckpointSigner signer) throws Exception {
        LedgerId ledger = new LedgerId(1);
        long[][] totals = new long[EXPORT_ACCOUNTS + 1][4];
        generate(ledger, totals, null, null, null);
        List<Account> accounts = new ArrayList<>();
        for (int id = 1; id <= EXPORT_ACCOUNTS; id++) {
            long[] t = totals[id];
            accounts.add(new Account(new AccountId(id), id == 1 ? "issuance" : "wallet:resident:" + id, Asset.PT,
                    id == 1 ? AccountKind.EQUITY : AccountKind.LIABILITY, EnumSet.noneOf(AccountFlag.class), null,
                    new Totals(t[0], t[1], t[2], t[3]), Instant.parse("2026-04-01T00:00:00Z"),
                    kyodo.ledger.AccountClass.UNCLASSIFIED));
        }
        List<String> notes = new ArrayList<>();
        byte[][] head = new byte[1][];
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            long[][] again = new long[EXPORT_ACCOUNTS + 1][4];
            // First pass for the head hash, which the header carries; the second writes.
            generate(ledger, again, null, null, head);
            out.write(ExportFormat.header(new ExportFormat.Header(ledger, EXPORT_ENTRIES, accounts.size(), head[0])));
            out.write('\n');
            for (Account account : accounts) {
                out.write(ExportFormat.account(account));
                out.write('\n');
            }
            generate(ledger, new long[EXPORT_ACCOUNTS + 1][4], out, (size, root) ->
                    notes.add(signer.sign(size, root).format()), null);
        }
        return notes;
    }

    private interface CheckpointSink {
        void at(long size, byte[] root);
    }

    private static void generate(LedgerId ledger, long[][] totals, Writer out, CheckpointSink checkpoints,
                                 byte[][] head) throws Exception {
        Random random = new Random(SEED);
        MerkleHash hash = new MerkleHash();
        MessageDigest chain = CanonicalEncoding.sha256();
        MemoryTree tree = checkpoints == null ? null : new MemoryTree();
        byte[] previous = CanonicalEncoding.genesisHash();
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        for (long sequence = 1; sequence <= EXPORT_ENTRIES; sequence++) {
            int legCount = 1 + random.nextInt(3);
            List<JournalLeg> legs = new ArrayList<>(legCount);
            boolean issue = random.nextInt(3) == 0;
            for (int i = 0; i < legCount; i++) {
                long debit = issue ? 1 : 2 + random.nextInt(EXPORT_ACCOUNTS - 1);
                long credit = 2 + random.nextInt(EXPORT_ACCOUNTS - 1);
                if (credit == debit) {
                    credit = credit == EXPORT_ACCOUNTS ? 2 : credit + 1;
                }
                long amount = 1 + random.nextInt(1000);
                legs.add(new JournalLeg(i, LegKind.POSTED, new AccountId(debit), new AccountId(credit), Asset.PT,
                        amount, 0, 0, -1, null));
                totals[(int) debit][0] += amount;
                totals[(int) credit][1] += amount;
            }
            boolean withMetadata = random.nextInt(4) == 0;
            if (out == null && head == null) {
                continue;
            }
            JournalEntry unsigned = new JournalEntry(ledger, sequence, new EntryKey("bench-" + sequence),
                    issue ? EntryKind.ISSUE : EntryKind.TRANSFER, "bench", issue ? "ボランティア 2 時間" : "",
                    withMetadata ? "{\"activity\":" + sequence + "}" : null,
                    start.plusMillis(sequence * 37), legs, previous);
            byte[] canonical = CanonicalEncoding.encode(unsigned);
            chain.update(previous);
            chain.update(canonical);
            previous = chain.digest();
            if (out != null) {
                JournalEntry entry = new JournalEntry(ledger, sequence, unsigned.key(), unsigned.kind(), unsigned.actor(),
                        unsigned.memo(), unsigned.metadata(), unsigned.postedAt(), legs, previous);
                byte[] leaf = hash.leaf(canonical);
                out.write(ExportFormat.entry(entry, leaf, id -> id == 1 ? "issuance" : "wallet:resident:" + id));
                out.write('\n');
                tree.append(leaf);
                if (sequence % CHECKPOINT_EVERY == 0) {
                    checkpoints.at(sequence, tree.root());
                }
            }
        }
        if (head != null) {
            head[0] = previous;
        }
    }

    // ---- 2. inclusion proofs on a 10,000,000-leaf tree ----

    private static MemoryTree tenMillionLeaves(MemoryTree tree) {
        if (tree != null) {
            return tree;
        }
        long started = System.nanoTime();
        MemoryTree built = new MemoryTree();
        MerkleHash hash = new MerkleHash();
        byte[] leaf = new byte[8];
        for (long i = 0; i < TREE_LEAVES; i++) {
            for (int b = 0; b < 8; b++) {
                leaf[b] = (byte) (i >>> (8 * b));
            }
            built.append(hash.leaf(leaf));
        }
        System.out.printf("tree: appended %,d leaves in %.1f s%n", TREE_LEAVES, seconds(started));
        return built;
    }

    private static MemoryTree proofs(MemoryTree given) {
        MemoryTree tree = tenMillionLeaves(given);
        Random random = new Random(SEED);
        long size = tree.size();
        byte[] root = tree.root();
        for (int round = 1; round <= 2; round++) {
            long[] nanos = new long[PROOFS];
            for (int i = 0; i < PROOFS; i++) {
                long index = (long) (random.nextDouble() * size);
                long started = System.nanoTime();
                TiledNodes nodes = new TiledNodes(tree, size);
                List<byte[]> proof = MerkleTree.inclusionProof(nodes, index, size);
                nanos[i] = System.nanoTime() - started;
                if (i % 1000 == 0 && !MerkleProofs.verifyInclusion(index, size, nodes.node(0, index), proof, root)) {
                    throw new IllegalStateException("proof " + index + " does not verify");
                }
            }
            report("inclusion proof, memory tiles, " + String.format("%,d", size) + " leaves, round " + round, nanos);
        }
        return tree;
    }

    private static MemoryTree postgresProofs(MemoryTree given) throws Exception {
        MemoryTree tree = tenMillionLeaves(given);
        TestDatabase database = TestDatabase.create("journal_bench");
        LedgerId ledger = new LedgerId(1);
        long started = System.nanoTime();
        long size = tree.size();
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into ledger (id, name) values (1, 'bench')")) {
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into journal_tile (ledger_id, level, tile_index, hashes) values (1, ?, ?, ?)")) {
                int batched = 0;
                for (int level = 0; Tiles.hashesAt(level, size) > 0; level++) {
                    long hashes = Tiles.hashesAt(level, size);
                    for (long index = 0; index * Tiles.WIDTH < hashes; index++) {
                        statement.setInt(1, level);
                        statement.setLong(2, index);
                        statement.setBytes(3, tree.tile(level, index, Tiles.width(level, index, size)));
                        statement.addBatch();
                        if (++batched % 500 == 0) {
                            statement.executeBatch();
                        }
                    }
                }
                statement.executeBatch();
            }
            byte[] root = tree.root();
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into journal_tree (ledger_id, size, root, last_hash, updated_at) values (1, ?, ?, ?, ?)""")) {
                statement.setLong(1, size);
                statement.setBytes(2, root);
                statement.setBytes(3, new byte[32]);
                statement.setTimestamp(4, Timestamp.from(Instant.now()));
                statement.executeUpdate();
            }
            CheckpointSigner signer = new CheckpointSigner("bench.kyodo.example/ledger/1",
                    List.of(NoteSigner.fromSeed("bench", new byte[32])));
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into journal_checkpoint (ledger_id, tree_size, root, note, created_at) values (1, ?, ?, ?, ?)""")) {
                statement.setLong(1, size);
                statement.setBytes(2, root);
                statement.setString(3, signer.sign(size, root).format());
                statement.setTimestamp(4, Timestamp.from(Instant.now()));
                statement.executeUpdate();
            }
            connection.commit();
        }
        System.out.printf("postgres: stored the %,d-leaf tree as tiles in %.1f s%n", size, seconds(started));
        PostgresJournal journal = new PostgresJournal(database.dataSource(), ledger);
        byte[] root = tree.root();
        Random random = new Random(SEED);
        for (int round = 1; round <= 2; round++) {
            int count = 2000;
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                long sequence = 1 + (long) (random.nextDouble() * size);
                long begin = System.nanoTime();
                InclusionProof proof = journal.inclusionProof(sequence, size);
                nanos[i] = System.nanoTime() - begin;
                if (i % 200 == 0 && !proof.verify(root)) {
                    throw new IllegalStateException("proof for " + sequence + " does not verify");
                }
            }
            report("inclusion proof, PostgreSQL tiles (checkpoint lookup + tile reads), " + String.format("%,d", size)
                    + " leaves, round " + round, nanos);
        }
        return tree;
    }

    // ---- 3. posting throughput with and without the follower ----

    private static void posting() throws Exception {
        TestDatabase database = TestDatabase.create("journal_bench_posting");
        long ledgerId = 0;
        postingRate(database, new LedgerId(++ledgerId), false);
        System.out.println("posting: warmed up");
        // Rounds alternate without and with the follower; the machine is shared, so each pair is compared on its
        // own and the median change over the pairs is reported.
        List<Double> changes = new ArrayList<>();
        for (int round = 0; round < POSTING_ROUNDS; round++) {
            double without = postingRate(database, new LedgerId(++ledgerId), false);
            double with = postingRate(database, new LedgerId(++ledgerId), true);
            changes.add(100 * (with / without - 1));
            System.out.printf("posting: %,d entries from %d threads in batches of %d: %,.0f entries/s without the "
                            + "follower, %,.0f with it (%+.1f%%)%n", POSTING_ENTRIES, POSTING_THREADS, POSTING_BATCH,
                    without, with, changes.get(changes.size() - 1));
        }
        changes.sort(null);
        System.out.printf("posting: median change with the follower running %+.1f%% over %d pairs (target: no worse "
                + "than -10%%)%n", changes.get(changes.size() / 2), changes.size());
    }

    private static double postingRate(TestDatabase database, LedgerId id, boolean follow) throws Exception {
        try (PostgresLedger ledger = new PostgresLedger(database.dataSource(), id, "bench", Clock.systemUTC())) {
            AccountId issuer = ledger.open(AccountSpec.unclassified("issuance", Asset.PT,
                    AccountKind.EQUITY)).orThrow().id();
            List<AccountId> wallets = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                wallets.add(ledger.open(AccountSpec.unclassifiedWallet("wallet:" + i, Asset.PT)).orThrow().id());
            }
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong followed = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(POSTING_THREADS + 1);
            try {
                Future<?> follower = null;
                if (follow) {
                    // The follower reads the entry tables directly, in pages of up to 4096 entries.
                    JournalFollower journal = new JournalFollower(database.dataSource(), id,
                            new PostgresJournal(database.dataSource(), id).feed(),
                            new CheckpointSigner("bench/" + id.value(), List.of(NoteSigner.fromSeed("bench", new byte[32]))),
                            new CheckpointPolicy(10_000, Duration.ofSeconds(10)), Clock.systemUTC());
                    follower = pool.submit(() -> {
                        while (running.get()) {
                            long appended = journal.step().appended();
                            followed.addAndGet(appended);
                            if (appended < JournalFollower.BATCH_ENTRIES_MAX) {
                                // Caught up: wait, so that the next step appends a batch rather than a handful.
                                Thread.sleep(FOLLOWER_PAUSE_MILLIS);
                            }
                        }
                        return null;
                    });
                }
                long started = System.nanoTime();
                List<Future<?>> posters = new ArrayList<>();
                for (int t = 0; t < POSTING_THREADS; t++) {
                    int thread = t;
                    posters.add(pool.submit(() -> {
                        Random random = new Random(thread);
                        for (int done = 0; done < POSTING_ENTRIES / POSTING_THREADS; done += POSTING_BATCH) {
                            List<EntryRequest> batch = new ArrayList<>();
                            for (int i = 0; i < POSTING_BATCH; i++) {
                                batch.add(EntryRequest.of("p-" + thread + "-" + (done + i), EntryKind.ISSUE, "bench",
                                        Leg.transfer(issuer, wallets.get(random.nextInt(wallets.size())),
                                                Amount.pt(1 + random.nextInt(100)))));
                            }
                            ledger.postAll(batch);
                        }
                        return null;
                    }));
                }
                for (Future<?> poster : posters) {
                    poster.get();
                }
                double took = seconds(started);
                running.set(false);
                if (follower != null) {
                    follower.get();
                    System.out.printf("posting: the follower had appended %,d of %,d entries when posting ended%n",
                            followed.get(), ledger.head().sequence());
                }
                return POSTING_ENTRIES / took;
            } finally {
                running.set(false);
                pool.shutdownNow();
            }
        }
    }

    // ---- helpers ----

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf("%s: %,d proofs, mean %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms (target < 5 ms)%n",
                what, sorted.length, mean, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
