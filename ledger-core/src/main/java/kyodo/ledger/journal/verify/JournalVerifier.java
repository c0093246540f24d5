package kyodo.ledger.journal.verify;

import kyodo.ledger.Account;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.LegKind;
import kyodo.ledger.journal.export.ExportFormat;
import kyodo.ledger.journal.export.ExportFormatException;
import kyodo.ledger.journal.export.ExportedEntry;
import kyodo.ledger.journal.json.JsonReader;
import kyodo.ledger.journal.merkle.MemoryTree;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleProofs;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.NoteSignature;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks a JSON Lines export against signed checkpoints and trusted keys, offline. For every entry: its
 * sequence follows the previous one, its legs are well-formed and balanced (each leg moves one positive amount
 * of one asset between two accounts of that asset), its canonical re-encoding gives the chain hash and the leaf
 * hash the export claims, and the accounts' rules hold after it. For every checkpoint: a trusted signature, a
 * Merkle root equal to the tree of the exported entries at its size, and a consistency proof from the previous
 * checkpoint. At the end: every account's totals recomputed from the legs equal the exported totals. It stops
 * at the first failure in journal order and says what and where.
 */
public final class JournalVerifier {
    /** No export line comes near this: an entry has at most 64 legs and 4 KiB of metadata. */
    public static final int LINE_BYTES_MAX = 1 << 20;
    public static final int CHECKPOINTS_MAX = 100_000;
    public static final long ACCOUNTS_MAX = 10_000_000;
    /** Lines per unit of parallel work, and units queued at most: bounds memory to a few MiB of lines. */
    static final int CHUNK_LINES = 512;
    static final int CHUNKS_IN_FLIGHT_MAX = 8;
    static final int PARSE_THREADS_MAX = 4;
    private static final HexFormat HEX = HexFormat.of();

    /** A checkpoint note and where it came from (a file name), for messages. */
    public record CheckpointInput(String source, String text) {
    }

    private final List<CheckpointInput> checkpointInputs;
    private final List<PublicKeyFile.Entry> keys;
    private final List<String> checked = new ArrayList<>();
    /** Entries checked so far, and the tree size of the largest checkpoint verified so far. */
    private long entriesChecked;
    private long covered;

    private JournalVerifier(List<CheckpointInput> checkpoints, List<PublicKeyFile.Entry> keys) {
        this.checkpointInputs = checkpoints;
        this.keys = PublicKeyFile.distinct(keys);
    }

    /** Verifies the export read from {@code export}; I/O errors propagate, everything else is in the report. */
    public static VerificationReport verify(InputStream export, List<CheckpointInput> checkpoints,
                                            List<PublicKeyFile.Entry> keys) throws IOException {
        JournalVerifier verifier = new JournalVerifier(checkpoints, keys);
        VerificationReport.Failure failure;
        try {
            verifier.run(export);
            failure = null;
        } catch (Failed e) {
            failure = e.failure;
        }
        return new VerificationReport(verifier.checked, failure, verifier.entriesChecked, verifier.covered);
    }

    /** A checkpoint that parsed, with any problem found before the entries reach it. */
    private record Signed(String source, Checkpoint checkpoint, List<VerifierKey> signedBy, String problem) {
    }

    private static final class Failed extends Exception {
        final VerificationReport.Failure failure;

        Failed(long sequence, String reason) {
            super(reason, null, false, false);
            this.failure = new VerificationReport.Failure(sequence, reason);
        }
    }

    private void run(InputStream export) throws IOException, Failed {
        TreeMap<Long, Signed> checkpoints = readCheckpoints();
        BoundedLines lines = new BoundedLines(export, LINE_BYTES_MAX);
        ExportFormat.Header header = readHeader(lines);
        Map<Long, Account> accounts = readAccounts(lines, header);
        Map<Long, long[]> totals = new HashMap<>();
        for (Long id : accounts.keySet()) {
            totals.put(id, new long[4]);
        }
        Map<Long, JournalLeg> openHolds = new HashMap<>();
        MemoryTree tree = new MemoryTree();
        Signed empty = checkpoints.get(0L);
        if (empty != null) {
            checkCheckpoint(empty, tree);
        }
        State state = new State(header, accounts, totals, openHolds, tree, checkpoints,
                CanonicalEncoding.genesisHash(), empty);
        readEntries(lines, state);
        long sequence = state.sequence;
        byte[] previous = state.previous;
        int consistencyChecked = state.consistencyChecked;
        if (sequence < header.entries()) {
            throw new Failed(sequence + 1, "the export ends after entry " + sequence + " but its header says "
                    + header.entries() + " entries: the file is cut off or entries were removed");
        }
        if (!checkpoints.isEmpty() && checkpoints.lastKey() > sequence) {
            throw new Failed(sequence + 1, "checkpoint " + checkpoints.lastEntry().getValue().source()
                    + " covers " + checkpoints.lastKey() + " entries but the export ends after entry " + sequence);
        }
        if (!MessageDigest.isEqual(previous, header.headHash())) {
            throw new Failed(sequence, "the chain ends in " + HEX.formatHex(previous) + " but the header says "
                    + HEX.formatHex(header.headHash()));
        }
        checked.add("entries 1.." + sequence + ": sequence gapless and in order, legs balanced per asset between "
                + "accounts of that asset, pending legs resolved at most once, account rules hold, canonical "
                + "re-encoding gives every chain hash and leaf hash, chain ends in the header's head hash");
        if (!checkpoints.isEmpty()) {
            checked.add(checkpoints.size() + " checkpoint(s) at tree sizes " + sizes(checkpoints)
                    + ": signatures by trusted keys, Merkle roots equal the tree of the exported entries; "
                    + consistencyChecked + " consistency proof(s) between successive checkpoints verified (RFC 9162 §2.1.4.2)");
        } else {
            checked.add("no checkpoints given: Merkle roots and signatures were not checked");
        }
        checkTotals(accounts, totals);
        checked.add(accounts.size() + " account(s): debits and credits, posted and pending, recomputed from the legs "
                + "equal the exported totals");
        checked.add(coverage(sequence, checkpoints));
    }

    /**
     * Which entries the verified checkpoints vouch for. Everything else was only checked against itself: a
     * rewritten export with fresh hashes passes those checks, so an entry beyond every checkpoint is not proven.
     */
    private String coverage(long entries, TreeMap<Long, Signed> checkpoints) {
        long last = checkpoints.isEmpty() ? 0 : checkpoints.lastKey();
        String covered = last == 0 ? "no entry is covered by a verified checkpoint"
                : "entries 1.." + last + " are covered by verified checkpoint " + checkpoints.get(last).source()
                + " (tree size " + last + ")";
        String uncovered = last >= entries ? "every entry is covered"
                : "entries " + (last + 1 == entries ? String.valueOf(entries) : (last + 1) + ".." + entries)
                + " are covered by no checkpoint";
        return "coverage: " + covered + "; " + uncovered;
    }


    /** What the sequential checks carry from one entry to the next. */
    private static final class State {
        final ExportFormat.Header header;
        final Map<Long, Account> accounts;
        final Map<Long, long[]> totals;
        final Map<Long, JournalLeg> openHolds;
        final MemoryTree tree;
        final TreeMap<Long, Signed> checkpoints;
        final MessageDigest chain = CanonicalEncoding.sha256();
        byte[] previous;
        Signed lastCheckpoint;
        long sequence;
        int consistencyChecked;

        State(ExportFormat.Header header, Map<Long, Account> accounts, Map<Long, long[]> totals,
              Map<Long, JournalLeg> openHolds, MemoryTree tree, TreeMap<Long, Signed> checkpoints, byte[] previous,
              Signed lastCheckpoint) {
            this.header = header;
            this.accounts = accounts;
            this.totals = totals;
            this.openHolds = openHolds;
            this.tree = tree;
            this.checkpoints = checkpoints;
            this.previous = previous;
            this.lastCheckpoint = lastCheckpoint;
        }
    }

    /** One entry line after the parallel stage: parsed and encoded, or why it could not be. */
    private record Parsed(long line, boolean cutOff, ExportedEntry entry, byte[] canonical, byte[] leaf, String error,
                          String legProblem) {
    }

    /**
     * Entry lines go through a pipeline: this thread reads chunks of lines, worker threads parse them, re-encode
     * the entries and hash the leaves (independent per line), and this thread then runs the checks that depend on
     * order (sequence, chain, holds, totals, tree) chunk by chunk in file order. Few chunks are in flight at once,
     * so memory stays bounded whatever the file's size.
     */
    private void readEntries(BoundedLines lines, State state) throws IOException, Failed {
        int workers = Math.max(1, Math.min(PARSE_THREADS_MAX, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "journal-verifier-parse");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<List<Parsed>>> inFlight = new ArrayDeque<>();
        try {
            while (true) {
                List<byte[]> chunk = new ArrayList<>(CHUNK_LINES);
                List<Long> numbers = new ArrayList<>(CHUNK_LINES);
                boolean cutOff = false;
                String unreadable = null;
                boolean end = false;
                while (chunk.size() < CHUNK_LINES) {
                    byte[] text;
                    try {
                        text = lines.nextBytes();
                    } catch (BoundedLines.LineException e) {
                        unreadable = e.getMessage();
                        break;
                    }
                    if (text == null) {
                        end = true;
                        break;
                    }
                    chunk.add(text);
                    numbers.add(lines.number());
                    cutOff = lines.lastWasCutOff();
                }
                if (!chunk.isEmpty()) {
                    boolean lastCutOff = cutOff;
                    inFlight.add(pool.submit(() -> parse(chunk, numbers, lastCutOff, state.accounts)));
                }
                boolean stop = end || unreadable != null;
                while (inFlight.size() > CHUNKS_IN_FLIGHT_MAX || (stop && !inFlight.isEmpty())) {
                    for (Parsed parsed : await(inFlight.poll())) {
                        check(parsed, state);
                    }
                }
                if (unreadable != null) {
                    throw new Failed(state.sequence + 1, unreadable);
                }
                if (end) {
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Parsed> parse(List<byte[]> chunk, List<Long> numbers, boolean lastCutOff,
                                      Map<Long, Account> accounts) {
        MerkleHash merkle = new MerkleHash();
        List<Parsed> parsed = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            long line = numbers.get(i);
            boolean cutOff = lastCutOff && i == chunk.size() - 1;
            try {
                ExportedEntry entry = ExportFormat.readEntry(BoundedLines.decode(chunk.get(i), line));
                byte[] canonical = CanonicalEncoding.encode(entry.entry());
                parsed.add(new Parsed(line, cutOff, entry, canonical, merkle.leaf(canonical), null,
                        legProblem(entry, accounts)));
            } catch (BoundedLines.LineException e) {
                parsed.add(new Parsed(line, cutOff, null, null, null, "it is not valid UTF-8", null));
            } catch (JsonReader.JsonException | ExportFormatException | RuntimeException e) {
                parsed.add(new Parsed(line, cutOff, null, null, null, e.getMessage(), null));
            }
        }
        return parsed;
    }

    private static List<Parsed> await(Future<List<Parsed>> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the parsing stage failed", e.getCause());
        }
    }

    /** The checks that depend on journal order, for one parsed line. */
    private void check(Parsed parsed, State state) throws Failed {
        long expected = state.sequence + 1;
        if (parsed.error() != null) {
            throw new Failed(expected, "line " + parsed.line() + " is not a well-formed entry: " + parsed.error());
        }
        if (parsed.cutOff()) {
            throw new Failed(expected, "line " + parsed.line() + " has no newline at its end: the file is cut off");
        }
        ExportedEntry exported = parsed.entry();
        JournalEntry entry = exported.entry();
        if (entry.sequence() != expected) {
            throw new Failed(expected, "expected entry " + expected + " next but line " + parsed.line()
                    + " holds entry " + entry.sequence() + ": entry " + expected + " is missing or out of order");
        }
        if (expected > state.header.entries()) {
            throw new Failed(expected, "the export holds more entries than its header says (" + state.header.entries() + ")");
        }
        if (entry.ledger().value() != state.header.ledger().value()) {
            throw new Failed(expected, "entry belongs to ledger " + entry.ledger().value() + ", the export to ledger "
                    + state.header.ledger().value());
        }
        if (parsed.legProblem() != null) {
            throw new Failed(expected, parsed.legProblem());
        }
        trackHolds(entry, state.openHolds);
        state.chain.update(state.previous);
        state.chain.update(parsed.canonical());
        byte[] hash = state.chain.digest();
        if (!MessageDigest.isEqual(hash, entry.hash())) {
            throw new Failed(expected, "the chain hash does not match: SHA-256(previous hash || canonical bytes) is "
                    + HEX.formatHex(hash) + " but the export says " + HEX.formatHex(entry.hash())
                    + " (the entry or an earlier one was changed)");
        }
        if (!MessageDigest.isEqual(parsed.leaf(), exported.leafHash())) {
            throw new Failed(expected, "the leaf hash does not match: SHA-256(0x00 || canonical bytes) is "
                    + HEX.formatHex(parsed.leaf()) + " but the export says " + HEX.formatHex(exported.leafHash()));
        }
        apply(entry, state.accounts, state.totals);
        state.tree.append(parsed.leaf());
        state.previous = hash;
        state.sequence = expected;
        entriesChecked = expected;
        Signed due = state.checkpoints.get(expected);
        if (due != null) {
            checkCheckpoint(due, state.tree);
            if (state.lastCheckpoint != null) {
                checkConsistency(state.lastCheckpoint, due, state.tree);
                state.consistencyChecked++;
            }
            state.lastCheckpoint = due;
            covered = expected;
        }
    }

    private TreeMap<Long, Signed> readCheckpoints() throws Failed {
        if (checkpointInputs.size() > CHECKPOINTS_MAX) {
            throw new Failed(0, "more than " + CHECKPOINTS_MAX + " checkpoints given");
        }
        TreeMap<Long, Signed> bySize = new TreeMap<>();
        Set<String> origins = new LinkedHashSet<>();
        Set<String> signers = new LinkedHashSet<>();
        for (CheckpointInput input : checkpointInputs) {
            SignedNote note;
            Checkpoint checkpoint;
            try {
                note = SignedNote.parse(input.text());
                checkpoint = Checkpoint.parse(note.text());
            } catch (NoteFormatException e) {
                throw new Failed(0, "checkpoint " + input.source() + " is not a signed checkpoint: " + e.getMessage());
            }
            String problem = null;
            SignedNote.Verification verification = note.verify(trustedFor(note, keys));
            if (verification.failedKey() != null) {
                problem = "the signature by " + verification.failedKey() + " does not verify: the checkpoint was altered";
            } else if (verification.signedBy().isEmpty()) {
                problem = "no signature by a trusted key (signed by " + note.signatures() + ")";
            }
            for (VerifierKey key : verification.signedBy()) {
                signers.add(key.toString());
            }
            origins.add(checkpoint.origin());
            Signed signed = new Signed(input.source(), checkpoint, verification.signedBy(), problem);
            Signed same = bySize.get(checkpoint.size());
            if (same != null) {
                if (!MessageDigest.isEqual(same.checkpoint().root(), checkpoint.root())) {
                    throw new Failed(checkpoint.size(), "checkpoints " + same.source() + " and " + input.source()
                            + " have tree size " + checkpoint.size() + " but different roots: the log was forked");
                }
                if (same.problem() == null) {
                    continue;
                }
            }
            bySize.put(checkpoint.size(), signed);
        }
        if (origins.size() > 1) {
            throw new Failed(0, "the checkpoints name different logs: " + origins);
        }
        if (!bySize.isEmpty()) {
            checked.add("checkpoints of " + origins.iterator().next() + " read; trusted signers seen: "
                    + (signers.isEmpty() ? "none" : String.join(", ", signers)));
        }
        return bySize;
    }

    /** The trusted keys that could have made the note's signatures, including nameless PEM keys by key id. */
    static List<VerifierKey> trustedFor(SignedNote note, List<PublicKeyFile.Entry> keys) {
        List<VerifierKey> trusted = new ArrayList<>();
        for (PublicKeyFile.Entry key : keys) {
            if (key.name().isPresent()) {
                trusted.add(VerifierKey.of(key.name().get(), key.publicKey()));
            } else {
                for (NoteSignature signature : note.signatures()) {
                    PublicKeyFile.nameless(key.publicKey(), signature).ifPresent(trusted::add);
                }
            }
        }
        return trusted;
    }

    private ExportFormat.Header readHeader(BoundedLines lines) throws IOException, Failed {
        String text = readLine(lines, 0);
        if (text == null) {
            throw new Failed(0, "the export is empty: expected a " + ExportFormat.FORMAT + " header line");
        }
        try {
            return ExportFormat.readHeader(JsonReader.parseObject(text));
        } catch (JsonReader.JsonException | ExportFormatException e) {
            throw new Failed(0, "line 1 is not an export header: " + e.getMessage());
        }
    }

    private Map<Long, Account> readAccounts(BoundedLines lines, ExportFormat.Header header) throws IOException, Failed {
        if (header.accounts() > ACCOUNTS_MAX) {
            throw new Failed(0, "the header announces " + header.accounts() + " accounts; at most " + ACCOUNTS_MAX);
        }
        Map<Long, Account> accounts = new HashMap<>();
        for (long i = 0; i < header.accounts(); i++) {
            String text = readLine(lines, 0);
            if (text == null) {
                throw new Failed(0, "the export ends after " + i + " of " + header.accounts() + " account lines: "
                        + "the file is cut off");
            }
            try {
                Account account = ExportFormat.readAccount(JsonReader.parseObject(text));
                if (accounts.putIfAbsent(account.id().value(), account) != null) {
                    throw new Failed(0, "line " + lines.number() + ": account " + account.id().value() + " appears twice");
                }
            } catch (JsonReader.JsonException | ExportFormatException e) {
                throw new Failed(0, "line " + lines.number() + " is not an account line: " + e.getMessage());
            }
        }
        return accounts;
    }

    private String readLine(BoundedLines lines, long sequence) throws IOException, Failed {
        try {
            return lines.next();
        } catch (BoundedLines.LineException e) {
            throw new Failed(sequence, e.getMessage());
        }
    }

    /**
     * What is wrong with an entry's legs on their own, or {@code null}: count, index, positive amount, two
     * different listed accounts of the leg's asset (so the entry balances per asset), the codes beside the ids,
     * and the pending fields of the leg's kind. Needs only the account lines, so worker threads run it.
     */
    private static String legProblem(ExportedEntry exported, Map<Long, Account> accounts) {
        JournalEntry entry = exported.entry();
        long sequence = entry.sequence();
        List<JournalLeg> legs = entry.legs();
        if (legs.isEmpty() || legs.size() > kyodo.ledger.Ledger.LEGS_MAX) {
            return "an entry has 1.." + kyodo.ledger.Ledger.LEGS_MAX + " legs, this one " + legs.size();
        }
        for (int i = 0; i < legs.size(); i++) {
            JournalLeg leg = legs.get(i);
            String where = "leg " + i + ": ";
            if (leg.index() != i) {
                return where + "its index says " + leg.index();
            }
            if (leg.amount() <= 0) {
                return where + "amount must be positive, is " + leg.amount();
            }
            if (leg.debit().equals(leg.credit())) {
                return where + "debits and credits the same account " + leg.debit().value();
            }
            Account debit = accounts.get(leg.debit().value());
            Account credit = accounts.get(leg.credit().value());
            if (debit == null || credit == null) {
                return where + "refers to account " + (debit == null ? leg.debit().value() : leg.credit().value())
                        + ", which the export does not list";
            }
            if (!debit.asset().code().equals(leg.asset().code()) || !credit.asset().code().equals(leg.asset().code())) {
                return where + "moves " + leg.asset().code() + " between accounts holding " + debit.asset().code()
                        + " and " + credit.asset().code() + ": the entry does not balance per asset";
            }
            if (!debit.code().equals(exported.debitCodes().get(i)) || !credit.code().equals(exported.creditCodes().get(i))) {
                return where + "the account codes beside the ids do not match the account lines";
            }
            boolean resolution = leg.kind() == LegKind.POST_PENDING || leg.kind() == LegKind.VOID_PENDING;
            if (!resolution) {
                if (leg.released() != 0 || leg.pendingSequence() != 0 || leg.pendingLeg() != -1) {
                    return where + "a " + leg.kind() + " leg has no released amount or pending reference";
                }
                if (leg.kind() == LegKind.POSTED && leg.expiresAt() != null) {
                    return where + "a posted leg has no expiry";
                }
            } else if (leg.expiresAt() != null || leg.pendingSequence() < 1 || leg.pendingSequence() >= sequence
                    || leg.pendingLeg() < 0) {
                return where + "a " + leg.kind() + " leg must refer to an earlier pending leg";
            }
        }
        return null;
    }

    /** Opens holds and resolves them, in journal order: each pending leg is posted or voided at most once. */
    private static void trackHolds(JournalEntry entry, Map<Long, JournalLeg> openHolds) throws Failed {
        long sequence = entry.sequence();
        for (JournalLeg leg : entry.legs()) {
            if (leg.kind() == LegKind.PENDING) {
                openHolds.put(holdKey(sequence, leg.index()), leg);
            }
            if (leg.kind() != LegKind.POST_PENDING && leg.kind() != LegKind.VOID_PENDING) {
                continue;
            }
            String where = "leg " + leg.index() + ": ";
            JournalLeg hold = openHolds.remove(holdKey(leg.pendingSequence(), leg.pendingLeg()));
            if (hold == null) {
                throw new Failed(sequence, where + "resolves pending leg " + leg.pendingLeg() + " of entry "
                        + leg.pendingSequence() + ", which is not an open hold");
            }
            boolean fits = hold.debit().equals(leg.debit()) && hold.credit().equals(leg.credit())
                    && hold.asset().code().equals(leg.asset().code()) && leg.released() == hold.amount()
                    && (leg.kind() == LegKind.POST_PENDING ? leg.amount() <= leg.released() : leg.amount() == leg.released());
            if (!fits) {
                throw new Failed(sequence, where + "does not match the pending leg it resolves (accounts, asset or amounts)");
            }
        }
    }

    private static long holdKey(long sequence, int leg) {
        return sequence * (kyodo.ledger.Ledger.LEGS_MAX + 1) + leg;
    }

    private static void apply(JournalEntry entry, Map<Long, Account> accounts, Map<Long, long[]> totals) throws Failed {
        try {
            for (JournalLeg leg : entry.legs()) {
                add(totals.get(leg.debit().value()), leg, true);
                add(totals.get(leg.credit().value()), leg, false);
            }
        } catch (ArithmeticException e) {
            throw new Failed(entry.sequence(), "an account total overflows 64 bits");
        }
        for (JournalLeg leg : entry.legs()) {
            for (long id : new long[] {leg.debit().value(), leg.credit().value()}) {
                long[] t = totals.get(id);
                Account account = accounts.get(id);
                if (t[2] < 0 || t[3] < 0) {
                    throw new Failed(entry.sequence(), "account " + id + " (" + account.code()
                            + ") would have negative pending totals: more was released than held");
                }
                if (account.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS) && t[0] + t[2] > t[1]) {
                    throw new Failed(entry.sequence(), "account " + id + " (" + account.code()
                            + ") must not have debits above credits, but after this entry it does");
                }
                if (account.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS) && t[1] + t[3] > t[0]) {
                    throw new Failed(entry.sequence(), "account " + id + " (" + account.code()
                            + ") must not have credits above debits, but after this entry it does");
                }
            }
        }
    }

    /**
     * Adds one leg's effect (by {@link LegKind}'s rule, the one both ledgers apply) to totals {debitsPosted,
     * creditsPosted, debitsPending, creditsPending}.
     */
    private static void add(long[] t, JournalLeg leg, boolean debit) {
        kyodo.ledger.Totals effect = debit ? leg.debitEffect() : leg.creditEffect();
        t[0] = Math.addExact(t[0], effect.debitsPosted());
        t[1] = Math.addExact(t[1], effect.creditsPosted());
        t[2] = Math.addExact(t[2], effect.debitsPending());
        t[3] = Math.addExact(t[3], effect.creditsPending());
    }

    private void checkCheckpoint(Signed due, MemoryTree tree) throws Failed {
        long size = due.checkpoint().size();
        if (due.problem() != null) {
            throw new Failed(size, "checkpoint " + due.source() + " (tree size " + size + "): " + due.problem());
        }
        byte[] root = tree.root(size);
        if (!MessageDigest.isEqual(root, due.checkpoint().root())) {
            throw new Failed(size, "checkpoint " + due.source() + " signs root " + due.checkpoint().rootHex()
                    + " for tree size " + size + ", but the exported entries 1.." + size + " give root "
                    + HEX.formatHex(root) + ": an entry at or before " + size + " differs from what was signed");
        }
    }

    private static void checkConsistency(Signed older, Signed newer, MemoryTree tree) throws Failed {
        long oldSize = older.checkpoint().size();
        long newSize = newer.checkpoint().size();
        List<byte[]> proof = tree.consistencyProof(oldSize, newSize);
        if (!MerkleProofs.verifyConsistency(oldSize, newSize, proof, older.checkpoint().root(), newer.checkpoint().root())) {
            throw new Failed(newSize, "checkpoint " + newer.source() + " (tree size " + newSize
                    + ") is not consistent with checkpoint " + older.source() + " (tree size " + oldSize + ")");
        }
    }

    private static void checkTotals(Map<Long, Account> accounts, Map<Long, long[]> totals) throws Failed {
        List<Long> ids = new ArrayList<>(accounts.keySet());
        ids.sort(null);
        for (long id : ids) {
            Account account = accounts.get(id);
            long[] t = totals.get(id);
            long[] claimed = {account.totals().debitsPosted(), account.totals().creditsPosted(),
                    account.totals().debitsPending(), account.totals().creditsPending()};
            String[] names = {"debits posted", "credits posted", "debits pending", "credits pending"};
            for (int i = 0; i < 4; i++) {
                if (t[i] != claimed[i]) {
                    throw new Failed(0, "account " + id + " (" + account.code() + "): " + names[i]
                            + " recomputed from the legs are " + t[i] + " but the export says " + claimed[i]);
                }
            }
        }
    }

    private static String sizes(TreeMap<Long, Signed> checkpoints) {
        if (checkpoints.size() <= 6) {
            return checkpoints.keySet().toString();
        }
        return checkpoints.firstKey() + ".." + checkpoints.lastKey();
    }
}
