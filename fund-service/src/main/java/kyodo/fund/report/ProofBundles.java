package kyodo.fund.report;

import kyodo.fund.problem.Refused;
import kyodo.ledger.AccountId;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Ledger;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.journal.export.ExportFormat;
import kyodo.ledger.journal.merkle.MemoryTree;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.Tiles;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.journal.verify.ReportBundleVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fund report's proof bundle ({@value ReportBundleVerifier#FORMAT}, specified in ledger-core's
 * {@code VERIFIABLE-JOURNAL.md}): what anyone needs to recompute the report's figures and check them against the
 * signed log without signing in or trusting the server. One JSON Lines file: a header with the fiscal year, the signed
 * checkpoint the report was computed at, the log's public keys and the report as published (its open data); then
 * one line per leaf of the journal up to the checkpoint, in order: a fund entry (key {@code fund-…}) in the
 * journal export's entry form with its inclusion proof, any other entry as its leaf hash only (the residents' points
 * entries stay private). {@code java -jar verifier.jar report <bundle>} checks it.
 */
@Component
class ProofBundles {
    /** Leaves one bundle lists; a larger journal would need a bundle of ranges (not built yet). */
    static final long LEAVES_MAX = 2_000_000;
    /** Bundles by (year, tree size, root), the most recently used few: a checkpoint's bundle never changes. */
    static final int CACHED_BUNDLES_MAX = 4;
    private static final HexFormat HEX = HexFormat.of();

    private final PublicReports reports;
    private final PostgresJournal journal;
    private final Ledger ledger;
    private final ObjectProvider<PublishedKeys> keys;
    private final JsonMapper json;
    private final Map<List<Object>, byte[]> built = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, byte[]> eldest) {
            return size() > CACHED_BUNDLES_MAX;
        }
    };

    ProofBundles(PublicReports reports, DataSource dataSource, Ledger ledger, ObjectProvider<PublishedKeys> keys,
                 JsonMapper json) {
        this.reports = reports;
        this.journal = new PostgresJournal(dataSource, ledger.id());
        this.ledger = ledger;
        this.keys = keys;
        this.json = json;
    }

    /** The bundle of the fund report of {@code year} at the checkpoint the report is computed at. */
    byte[] of(FiscalYear year) {
        FundReport report = reports.fund(year);
        ReportCheckpoint checkpoint = report.checkpoint();
        if (!checkpoint.exists()) {
            throw Refused.notFound("no signed checkpoint covers the report yet");
        }
        if (checkpoint.treeSize() > LEAVES_MAX) {
            throw new IllegalStateException("the journal has " + checkpoint.treeSize() + " entries; a proof bundle "
                    + "lists at most " + LEAVES_MAX);
        }
        List<Object> key = List.of(year.year(), checkpoint.treeSize(), checkpoint.rootHex());
        synchronized (built) {
            byte[] cached = built.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] bundle = build(report);
        synchronized (built) {
            built.put(key, bundle);
        }
        return bundle;
    }

    private byte[] build(FundReport report) {
        ReportCheckpoint checkpoint = report.checkpoint();
        long size = checkpoint.treeSize();
        MerkleHash hash = new MerkleHash();
        MemoryTree tree = new MemoryTree();
        List<byte[]> leaves = new ArrayList<>();
        List<JournalEntry> fund = new ArrayList<>();
        for (long first = 1; first <= size; first += Tiles.WIDTH) {
            long last = Math.min(size, first + Tiles.WIDTH - 1);
            for (JournalEntry entry : journal.feed().entries(first, last)) {
                byte[] leaf = hash.leaf(CanonicalEncoding.encode(entry));
                tree.append(leaf);
                leaves.add(leaf);
                if (entry.key().value().startsWith(ReportBundleVerifier.PUBLIC_KEY_PREFIX)) {
                    fund.add(entry);
                }
            }
        }
        if (tree.size() != size || !MessageDigest.isEqual(tree.root(size), HEX.parseHex(checkpoint.rootHex()))) {
            throw new IllegalStateException("the journal's entries 1.." + size + " do not give the signed root "
                    + checkpoint.rootHex());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write(header(report));
            out.write('\n');
            Map<Long, String> codes = new HashMap<>();
            int next = 0;
            for (long sequence = 1; sequence <= size; sequence++) {
                byte[] leaf = leaves.get((int) (sequence - 1));
                if (next < fund.size() && fund.get(next).sequence() == sequence) {
                    out.write(entryLine(fund.get(next++), leaf, tree, size, codes));
                } else {
                    out.write("{\"type\":\"withheld\",\"sequence\":" + sequence + ",\"leafHash\":\""
                            + HEX.formatHex(leaf) + "\"}");
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A fund entry as the journal export writes it, with its inclusion proof (base64, from the leaf up). */
    private String entryLine(JournalEntry entry, byte[] leaf, MemoryTree tree, long size, Map<Long, String> codes) {
        String line = ExportFormat.entry(entry, leaf, id -> codes.computeIfAbsent(id, this::code));
        StringBuilder proof = new StringBuilder(",\"inclusion\":[");
        List<byte[]> path = tree.inclusionProof(entry.sequence() - 1, size);
        for (int i = 0; i < path.size(); i++) {
            proof.append(i == 0 ? "" : ",").append('"').append(Base64.getEncoder().encodeToString(path.get(i)))
                    .append('"');
        }
        proof.append("]}");
        return line.substring(0, line.length() - 1) + proof;
    }

    private String code(long id) {
        return ledger.account(new AccountId(id)).map(a -> a.code())
                .orElseThrow(() -> new IllegalStateException("account " + id + " of a fund entry is not on the books"));
    }

    /** The header line: year, checkpoint, keys and the report as published. */
    private String header(FundReport report) {
        ReportCheckpoint checkpoint = report.checkpoint();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", ReportBundleVerifier.FORMAT);
        header.put("version", ReportBundleVerifier.VERSION);
        header.put("fiscalYear", report.year().year());
        header.put("from", report.year().firstDay().toString());
        header.put("to", report.year().lastDay().toString());
        header.put("zone", BusinessCalendar.ZONE_ID);
        header.put("treeSize", checkpoint.treeSize());
        header.put("rootHex", checkpoint.rootHex());
        header.put("checkpoint", checkpoint.note());
        PublishedKeys published = keys.getIfAvailable();
        header.put("keys", published == null ? null : published.keysText());
        header.put("publicKeyPrefix", ReportBundleVerifier.PUBLIC_KEY_PREFIX);
        header.put("report", OpenData.json(report));
        return json.writeValueAsString(header);
    }
}
