package kyodo.ledger.journal.verify;

import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.EntryKind;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.LegKind;
import kyodo.ledger.Totals;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.journal.export.ExportFormat;
import kyodo.ledger.journal.export.ExportFormatException;
import kyodo.ledger.journal.export.ExportedEntry;
import kyodo.ledger.journal.json.JsonReader;
import kyodo.ledger.journal.merkle.MemoryTree;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleProofs;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a fund report's proof bundle (format {@value #FORMAT}, specified in {@code VERIFIABLE-JOURNAL.md}) offline
 * and recomputes the report's figures from it. The bundle holds the signed checkpoint the report was computed at,
 * the log's keys, the report as published (its open data), and every leaf of the journal up to the checkpoint: the
 * fund's entries in full (with their inclusion proofs) and every other entry as its leaf hash only (residents'
 * points entries stay private: their inclusion, not their content, is proved).
 *
 * <p>It checks, stopping at the first failure: the checkpoint's signature by a trusted key (keys given on the
 * command line, else the bundle's own); that the report names that checkpoint; every leaf in order, each fund entry
 * re-encoded to its leaf hash and its inclusion proof verified against the signed root; that the leaves together
 * give the signed root (so no entry is missing, added or changed); and then every figure the books decide: money in
 * and out per month and designation with their counts, each designation's opening balance, month-end balances and
 * what awards still hold, and the report's two totals.
 */
public final class ReportBundleVerifier {
    public static final String FORMAT = "kyodo-fund-proof-bundle";
    public static final int VERSION = 1;
    /** The header carries the report's figures and the checkpoint; entry lines are at most an export line. */
    public static final int LINE_BYTES_MAX = 8 << 20;
    /** The verifier holds one hash per leaf (32 bytes): this bounds a bundle to about 2 GB of memory. */
    public static final long LEAVES_MAX = 64_000_000L;
    /** Keys of the entries a bundle shows in full: the fund's. */
    public static final String PUBLIC_KEY_PREFIX = "fund-";
    private static final String DESIGNATION_PREFIX = "fund:designation:";
    private static final String BANK = "fund:bank";
    private static final String GRANTS_PAYABLE = "fund:grants-payable";
    private static final HexFormat HEX = HexFormat.of();
    /** Figures by (section, month, designation), in that order, so the recomputed lines print sorted. */
    private static final java.util.Comparator<List<String>> BY_PARTS = (a, b) -> String.join("|", a)
            .compareTo(String.join("|", b));

    private final List<String> checked = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();

    private ReportBundleVerifier() {
    }

    /**
     * What was checked, the recomputed figures, and the first failure ({@code null} when none).
     *
     * @param keysFrom where the trusted keys came from ({@code the bundle} or the files given)
     */
    public record Result(List<String> checked, List<String> figures, VerificationReport.Failure failure,
                         String keysFrom) {
        public Result {
            checked = List.copyOf(checked);
            figures = List.copyOf(figures);
        }

        public boolean ok() {
            return failure == null;
        }
    }

    private static final class Failed extends Exception {
        final VerificationReport.Failure failure;

        Failed(long sequence, String reason) {
            super(reason, null, false, false);
            this.failure = new VerificationReport.Failure(sequence, reason);
        }
    }

    /**
     * Verifies the bundle read from {@code bundle}; {@code keys} are trusted instead of the bundle's own when not
     * empty (a careful reader takes them from the log's well-known address, not from what it is checking).
     */
    public static Result verify(InputStream bundle, List<PublicKeyFile.Entry> keys) throws IOException {
        ReportBundleVerifier verifier = new ReportBundleVerifier();
        String keysFrom = keys.isEmpty() ? "the bundle" : "the key files given";
        VerificationReport.Failure failure = null;
        try {
            verifier.run(bundle, keys);
        } catch (Failed e) {
            failure = e.failure;
        }
        return new Result(verifier.checked, verifier.figures, failure, keysFrom);
    }

    /** The fiscal year the report covers, and what it says. */
    private record Header(LocalDate from, LocalDate to, long treeSize, String note, String keys,
                          Map<String, Object> report) {
    }

    private void run(InputStream in, List<PublicKeyFile.Entry> given) throws IOException, Failed {
        BoundedLines lines = new BoundedLines(in, LINE_BYTES_MAX);
        Header header = header(line(lines, 0));
        Checkpoint checkpoint = checkpoint(header, given);
        MemoryTree tree = new MemoryTree();
        Books books = new Books(header.from(), header.to());
        long fundEntries = 0;
        for (long sequence = 1; sequence <= header.treeSize(); sequence++) {
            String text = line(lines, sequence);
            if (text == null) {
                throw new Failed(sequence, "the bundle ends after leaf " + (sequence - 1) + " but the checkpoint "
                        + "covers " + header.treeSize() + " entries: the file is cut off or leaves were removed");
            }
            if (lines.lastWasCutOff()) {
                throw new Failed(sequence, "line " + lines.number()
                        + " has no newline at its end: the file is cut off");
            }
            Map<String, Object> leaf = object(text, sequence);
            Object type = leaf.get("type");
            byte[] leafHash;
            if ("withheld".equals(type)) {
                number(leaf, "sequence", sequence, sequence);
                leafHash = hash(leaf, "leafHash", sequence);
            } else if ("entry".equals(type)) {
                leafHash = fundEntry(text, leaf, sequence, header.treeSize(), checkpoint.root(), books);
                fundEntries++;
            } else {
                throw new Failed(sequence, "line " + lines.number() + " is neither an entry nor a withheld leaf");
            }
            tree.append(leafHash);
        }
        if (line(lines, header.treeSize() + 1) != null) {
            throw new Failed(header.treeSize() + 1, "the bundle holds more leaves than the checkpoint's tree size "
                    + header.treeSize());
        }
        byte[] root = tree.root(header.treeSize());
        if (!MessageDigest.isEqual(root, checkpoint.root())) {
            throw new Failed(header.treeSize(), "the " + header.treeSize() + " leaves give root " + HEX.formatHex(root)
                    + " but the checkpoint signs " + checkpoint.rootHex()
                    + ": an entry was changed, added or left out");
        }
        checked.add(header.treeSize() + " leaves in order: " + fundEntries + " fund entries re-encoded to their leaf "
                + "hashes, each inclusion proof verified against the signed root (RFC 9162), "
                + (header.treeSize() - fundEntries) + " other entries withheld as leaf hashes (their inclusion, not "
                + "their content, is proved)");
        checked.add("the leaves together give the signed root: no entry up to the checkpoint is missing, added or "
                + "changed");
        compare(header, books);
    }

    private Header header(String text) throws Failed {
        if (text == null) {
            throw new Failed(0, "the bundle is empty: expected a " + FORMAT + " header line");
        }
        Map<String, Object> line = object(text, 0);
        if (!FORMAT.equals(line.get("type"))) {
            throw new Failed(0, "line 1 is not a " + FORMAT + " header");
        }
        long version = number(line, "version", 0, 0);
        if (version != VERSION) {
            throw new Failed(0, FORMAT + " version " + version + " is not supported (only " + VERSION + ")");
        }
        long treeSize = number(line, "treeSize", 0, 0);
        if (treeSize < 0 || treeSize > LEAVES_MAX) {
            throw new Failed(0, "treeSize must be in 0.." + LEAVES_MAX + ", was " + treeSize);
        }
        Object report = line.get("report");
        if (!(report instanceof Map<?, ?>)) {
            throw new Failed(0, "the header has no report");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) report;
        Object keys = line.get("keys");
        return new Header(date(line, "from"), date(line, "to"), treeSize, text(line, "checkpoint", 0),
                keys instanceof String k ? k : null, figures);
    }

    /** The signed checkpoint, verified with the trusted keys, and the report's agreement with it. */
    private Checkpoint checkpoint(Header header, List<PublicKeyFile.Entry> given) throws Failed {
        List<PublicKeyFile.Entry> keys = given;
        if (keys.isEmpty()) {
            if (header.keys() == null) {
                throw new Failed(0, "the bundle carries no keys: give the log's keys with --keys");
            }
            try {
                keys = PublicKeyFile.parse(header.keys());
            } catch (NoteFormatException e) {
                throw new Failed(0, "the bundle's keys cannot be read: " + e.getMessage());
            }
        }
        keys = PublicKeyFile.distinct(keys);
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(header.note());
            checkpoint = Checkpoint.parse(note.text());
        } catch (NoteFormatException e) {
            throw new Failed(0, "the bundle's checkpoint is not a signed checkpoint: " + e.getMessage());
        }
        SignedNote.Verification verification = note.verify(JournalVerifier.trustedFor(note, keys));
        if (verification.failedKey() != null) {
            throw new Failed(checkpoint.size(), "the checkpoint's signature by " + verification.failedKey()
                    + " does not verify: the checkpoint was altered");
        }
        if (verification.signedBy().isEmpty()) {
            throw new Failed(checkpoint.size(), "the checkpoint has no signature by a trusted key (signed by "
                    + note.signatures() + ")");
        }
        if (checkpoint.size() != header.treeSize()) {
            throw new Failed(checkpoint.size(), "the header says tree size " + header.treeSize()
                    + " but the checkpoint signs tree size " + checkpoint.size());
        }
        Map<String, Object> named = map(header.report(), "checkpoint", 0);
        if (number(named, "treeSize", 0, 0) != checkpoint.size()
                || !checkpoint.rootHex().equals(named.get("rootHex"))) {
            throw new Failed(checkpoint.size(), "the report names checkpoint " + named.get("treeSize") + " / "
                    + named.get("rootHex") + ", not the signed " + checkpoint.size() + " / " + checkpoint.rootHex());
        }
        List<String> signers = new ArrayList<>();
        for (VerifierKey key : verification.signedBy()) {
            signers.add(key.toString());
        }
        checked.add("checkpoint of " + checkpoint.origin() + " at tree size " + checkpoint.size() + ", root "
                + checkpoint.rootHex() + ": signed by " + String.join(", ", signers) + "; the report was computed at "
                + "this checkpoint");
        return checkpoint;
    }

    /** A fund entry's line: re-encoded, its leaf hash and inclusion proof checked, its legs added to the books. */
    private byte[] fundEntry(String text, Map<String, Object> line, long sequence, long treeSize, byte[] root,
                             Books books) throws Failed {
        ExportedEntry exported;
        try {
            exported = ExportFormat.readEntry(text);
        } catch (ExportFormatException | JsonReader.JsonException | RuntimeException e) {
            throw new Failed(sequence, "leaf " + sequence + " is not a well-formed entry: " + e.getMessage());
        }
        JournalEntry entry = exported.entry();
        if (entry.sequence() != sequence) {
            throw new Failed(sequence, "expected leaf " + sequence + " next but the line holds entry "
                    + entry.sequence());
        }
        if (!entry.key().value().startsWith(PUBLIC_KEY_PREFIX)) {
            throw new Failed(sequence, "entry " + sequence + " (key " + entry.key().value() + ") is not a fund entry");
        }
        byte[] leaf = new MerkleHash().leaf(CanonicalEncoding.encode(entry));
        if (!MessageDigest.isEqual(leaf, exported.leafHash())) {
            throw new Failed(sequence, "the leaf hash does not match: SHA-256(0x00 || canonical bytes) is "
                    + HEX.formatHex(leaf) + " but the bundle says " + HEX.formatHex(exported.leafHash())
                    + " (the entry was changed)");
        }
        Object proof = line.get("inclusion");
        if (!(proof instanceof List<?> hashes) || hashes.size() > MerkleProofs.PROOF_HASHES_MAX) {
            throw new Failed(sequence, "entry " + sequence + " has no inclusion proof");
        }
        List<byte[]> path = new ArrayList<>();
        for (Object hash : hashes) {
            try {
                byte[] bytes = Base64.getDecoder().decode(String.valueOf(hash));
                if (bytes.length != MerkleHash.HASH_BYTES) {
                    throw new IllegalArgumentException("not 32 bytes");
                }
                path.add(bytes);
            } catch (IllegalArgumentException e) {
                throw new Failed(sequence, "entry " + sequence + ": an inclusion proof hash is not base64 of 32 bytes");
            }
        }
        if (!MerkleProofs.verifyInclusion(sequence - 1, treeSize, leaf, path, root)) {
            throw new Failed(sequence, "entry " + sequence + ": its inclusion proof does not verify against the signed "
                    + "root (the entry was changed, or is not in the log)");
        }
        books.add(entry, exported.debitCodes(), exported.creditCodes());
        return leaf;
    }

    /** The figures the books decide, recomputed from the fund's entries. */
    private static final class Books {
        final LocalDate from;
        final LocalDate to;
        final Map<Long, String> codes = new HashMap<>();
        /** (section, month or "", designation) → {amount, count}. */
        final Map<List<String>, long[]> figures = new TreeMap<>(BY_PARTS);
        final Map<String, Long> opening = new TreeMap<>();
        /** designation → month → posted change in that month. */
        final Map<String, TreeMap<YearMonth, Long>> changes = new TreeMap<>();
        final Map<String, Long> committed = new TreeMap<>();

        Books(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        void add(JournalEntry entry, List<String> debitCodes, List<String> creditCodes) throws Failed {
            LocalDate day = BusinessCalendar.dayOf(entry.postedAt());
            for (JournalLeg leg : entry.legs()) {
                String debit = code(entry.sequence(), leg.debit().value(), debitCodes.get(leg.index()));
                String credit = code(entry.sequence(), leg.credit().value(), creditCodes.get(leg.index()));
                if (!leg.asset().code().equals("JPY")) {
                    continue;
                }
                flows(entry, leg, debit, credit, day);
                balance(leg, debit, leg.debitEffect(), day);
                balance(leg, credit, leg.creditEffect(), day);
            }
        }

        /** One account id names one account code throughout the bundle. */
        private String code(long sequence, long id, String code) throws Failed {
            String known = codes.putIfAbsent(id, code);
            if (known != null && !known.equals(code)) {
                throw new Failed(sequence, "account " + id + " is called " + known + " and " + code);
            }
            return code;
        }

        /** Money in and out, as the report counts it: posted legs of donations, their reversals and payments. */
        private void flows(JournalEntry entry, JournalLeg leg, String debit, String credit, LocalDate day) {
            if (leg.kind() != LegKind.POSTED || day.isBefore(from) || day.isAfter(to)) {
                return;
            }
            String month = YearMonth.from(day).toString();
            if (entry.kind().equals(EntryKind.DONATION) && debit.equals(BANK)
                    && credit.startsWith(DESIGNATION_PREFIX)) {
                add("in", month, designation(credit), leg.amount(), 1);
            } else if (entry.kind().equals(EntryKind.REVERSAL) && debit.startsWith(DESIGNATION_PREFIX)
                    && credit.equals(BANK)) {
                add("in", month, designation(debit), -leg.amount(), -1);
            } else if (entry.kind().equals(EntryKind.DISBURSE) && debit.equals(GRANTS_PAYABLE) && credit.equals(BANK)) {
                add("out", month, paidFrom(entry), leg.amount(), 1);
            }
        }

        /** The designation a payment was committed from: the hold it posts (a leg from a designation to payable). */
        private String paidFrom(JournalEntry entry) {
            for (JournalLeg leg : entry.legs()) {
                String debit = codes.get(leg.debit().value());
                if (leg.kind() == LegKind.POST_PENDING && debit != null && debit.startsWith(DESIGNATION_PREFIX)
                        && GRANTS_PAYABLE.equals(codes.get(leg.credit().value()))) {
                    return designation(debit);
                }
            }
            return "unknown";
        }

        private void add(String section, String month, String designation, long amount, long count) {
            long[] sums = figures.computeIfAbsent(List.of(section, month, designation), k -> new long[2]);
            sums[0] = Math.addExact(sums[0], amount);
            sums[1] += count;
        }

        /** A designation's posted balance (credits less debits) and what holds commit of it (debits pending). */
        private void balance(JournalLeg leg, String code, Totals effect, LocalDate day) {
            if (!code.startsWith(DESIGNATION_PREFIX) || day.isAfter(to)) {
                return;
            }
            String designation = designation(code);
            long posted = Math.subtractExact(effect.creditsPosted(), effect.debitsPosted());
            if (day.isBefore(from)) {
                opening.merge(designation, posted, Math::addExact);
            } else {
                changes.computeIfAbsent(designation, d -> new TreeMap<>()).merge(YearMonth.from(day), posted,
                        Math::addExact);
            }
            committed.merge(designation, effect.debitsPending(), Math::addExact);
        }

        private static String designation(String code) {
            return code.substring(DESIGNATION_PREFIX.length());
        }
    }

    /** Compares every figure the books decide with the report's, and lists what was recomputed. */
    private void compare(Header header, Books books) throws Failed {
        Map<String, Object> report = header.report();
        Map<List<String>, long[]> claimed = new TreeMap<>(BY_PARTS);
        Map<String, Long> claimedOpening = new TreeMap<>();
        Map<List<String>, Long> claimedBalance = new TreeMap<>(BY_PARTS);
        Map<String, Long> claimedCommitted = new TreeMap<>();
        Set<YearMonth> months = new TreeSet<>();
        for (Object row : list(report, "figures")) {
            if (!(row instanceof Map<?, ?> figure)) {
                throw new Failed(0, "a figure of the report is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> f = (Map<String, Object>) figure;
            String section = String.valueOf(f.get("section"));
            String month = f.get("month") == null ? "" : String.valueOf(f.get("month"));
            String designation = String.valueOf(f.get("designation"));
            long amount = number(f, "amountYen", 0, 0);
            long count = number(f, "count", 0, 0);
            switch (section) {
                case "in", "out" -> {
                    long[] sums = claimed.computeIfAbsent(List.of(section, month, designation), k -> new long[2]);
                    sums[0] = Math.addExact(sums[0], amount);
                    sums[1] += count;
                }
                case "opening_balance" -> claimedOpening.merge(designation, amount, Math::addExact);
                case "balance" -> {
                    claimedBalance.merge(List.of(month, designation), amount, Math::addExact);
                    months.add(month(month));
                }
                case "committed" -> claimedCommitted.merge(designation, amount, Math::addExact);
                default -> {
                    // donors: who gave is not on the books, so the count is not recomputed
                }
            }
        }
        Set<List<String>> flowKeys = new TreeSet<>(BY_PARTS);
        flowKeys.addAll(claimed.keySet());
        flowKeys.addAll(books.figures.keySet());
        long totalIn = 0;
        long totalOut = 0;
        for (List<String> key : flowKeys) {
            long[] said = claimed.getOrDefault(key, new long[2]);
            long[] found = books.figures.getOrDefault(key, new long[2]);
            String what = "money " + key.get(0) + " in " + key.get(1) + " for " + key.get(2);
            if (said[0] != found[0] || said[1] != found[1]) {
                throw new Failed(0, "the report says " + what + " is " + yen(said[0]) + " (" + said[1]
                        + " entries) but the fund entries give " + yen(found[0]) + " (" + found[1] + ")");
            }
            if (key.get(0).equals("in")) {
                totalIn = Math.addExact(totalIn, found[0]);
            } else {
                totalOut = Math.addExact(totalOut, found[0]);
            }
            figures.add(what + ": " + yen(found[0]) + " (" + found[1] + ")");
        }
        Map<String, Object> totals = map(report, "totals", 0);
        if (number(totals, "inYen", 0, 0) != totalIn || number(totals, "outYen", 0, 0) != totalOut) {
            throw new Failed(0, "the report's totals are in " + yen(number(totals, "inYen", 0, 0)) + " and out "
                    + yen(number(totals, "outYen", 0, 0)) + " but the fund entries give " + yen(totalIn) + " and "
                    + yen(totalOut));
        }
        Set<String> designations = new TreeSet<>(books.opening.keySet());
        designations.addAll(books.changes.keySet());
        designations.addAll(books.committed.keySet());
        designations.addAll(claimedOpening.keySet());
        designations.addAll(claimedCommitted.keySet());
        for (String designation : designations) {
            long opening = books.opening.getOrDefault(designation, 0L);
            equal("the opening balance of " + designation, claimedOpening.getOrDefault(designation, 0L), opening);
            long balance = opening;
            Map<YearMonth, Long> byMonth = books.changes.getOrDefault(designation, new TreeMap<>());
            for (YearMonth month : months) {
                balance = Math.addExact(balance, byMonth.getOrDefault(month, 0L));
                equal("the balance of " + designation + " at the end of " + month,
                        claimedBalance.getOrDefault(List.of(month.toString(), designation), 0L), balance);
            }
            long committed = books.committed.getOrDefault(designation, 0L);
            equal("what awards hold of " + designation, claimedCommitted.getOrDefault(designation, 0L), committed);
            figures.add(designation + ": opening " + yen(opening) + ", closing " + yen(balance) + ", held by awards "
                    + yen(committed));
        }
        figures.add("total money in " + yen(totalIn) + ", total money out " + yen(totalOut));
        checked.add("the report's figures that the books decide, recomputed from the fund entries: money in and out "
                + "per month and designation with their counts, the totals, and each designation's opening balance, "
                + months.size() + " month-end balance(s) and what awards hold (not on the books, so not recomputed: "
                + "the donors' count and types, programs and groups)");
    }

    private static void equal(String what, long said, long found) throws Failed {
        if (said != found) {
            throw new Failed(0, "the report says " + what + " is " + yen(said) + " but the fund entries give "
                    + yen(found));
        }
    }

    private static String yen(long amount) {
        return String.format("¥%,d", amount);
    }

    private static String line(BoundedLines lines, long sequence) throws IOException, Failed {
        try {
            return lines.next();
        } catch (BoundedLines.LineException e) {
            throw new Failed(sequence, e.getMessage());
        }
    }

    private static Map<String, Object> object(String text, long sequence) throws Failed {
        try {
            return JsonReader.parseObject(text);
        } catch (JsonReader.JsonException e) {
            throw new Failed(sequence, "a line of the bundle is not a JSON object: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> in, String name, long sequence) throws Failed {
        if (in.get(name) instanceof Map<?, ?> value) {
            return (Map<String, Object>) value;
        }
        throw new Failed(sequence, "\"" + name + "\" is missing or not an object");
    }

    private static List<?> list(Map<String, Object> in, String name) throws Failed {
        if (in.get(name) instanceof List<?> value) {
            return value;
        }
        throw new Failed(0, "\"" + name + "\" is missing or not a list");
    }

    private static long number(Map<String, Object> in, String name, long sequence, long expected) throws Failed {
        if (!(in.get(name) instanceof Long value)) {
            throw new Failed(sequence, "\"" + name + "\" is missing or not an integer");
        }
        if (expected > 0 && value != expected) {
            throw new Failed(sequence, "expected leaf " + expected + " next but the line holds " + value);
        }
        return value;
    }

    private static String text(Map<String, Object> in, String name, long sequence) throws Failed {
        if (in.get(name) instanceof String value) {
            return value;
        }
        throw new Failed(sequence, "\"" + name + "\" is missing or not a string");
    }

    private static byte[] hash(Map<String, Object> in, String name, long sequence) throws Failed {
        String hex = text(in, name, sequence);
        try {
            byte[] hash = HEX.parseHex(hex);
            if (hash.length == MerkleHash.HASH_BYTES) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // refused below, with the leaf
        }
        throw new Failed(sequence, "\"" + name + "\" of leaf " + sequence + " is not 64 hex digits");
    }

    private static LocalDate date(Map<String, Object> in, String name) throws Failed {
        try {
            return LocalDate.parse(text(in, name, 0));
        } catch (DateTimeParseException e) {
            throw new Failed(0, "\"" + name + "\" is not a date");
        }
    }

    private static YearMonth month(String text) throws Failed {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new Failed(0, "a balance of the report names no month");
        }
    }
}
