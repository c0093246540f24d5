package kyodo.fund.audit;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.access.Actor;
import kyodo.fund.books.FundBooks;
import kyodo.fund.problem.Inputs;
import kyodo.fund.problem.Refused;
import kyodo.ledger.Account;
import kyodo.ledger.HistoryLine;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Ledger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bank reconciliation (銀行勘定照合): imports a bank statement, matches its lines to the legs of the fund's bank
 * account ({@link FundBooks#BANK}) — first by reference (the entry key, the donation's receipt number or the
 * memo quoted on the statement) with the same amount, then by the same amount within a window of days, nearest
 * day first — and keeps the auditor's resolution notes on what stays unmatched. Importing the same file again,
 * or a statement overlapping one already imported, adds nothing twice.
 */
@Service
public class Reconciler {
    public static final int WINDOW_DAYS_MAX = 31;
    public static final int NOTE_LENGTH_MAX = 2000;
    public static final int FILE_NAME_LENGTH_MAX = 200;
    /** Bank legs one reconciliation reads at most; a longer statement period is refused. */
    public static final int BANK_LEGS_MAX = 50_000;

    private final Papers papers;
    private final Ledger ledger;
    private final Clock clock;
    private final int windowDays;

    Reconciler(Papers papers, Ledger ledger, Clock clock,
               @Value("${kyodo.fund.audit.match-window-days:3}") int windowDays) {
        if (windowDays < 0 || windowDays > WINDOW_DAYS_MAX) {
            throw new IllegalArgumentException("kyodo.fund.audit.match-window-days must be 0.." + WINDOW_DAYS_MAX
                    + ", was " + windowDays);
        }
        this.papers = papers;
        this.ledger = ledger;
        this.clock = clock;
        this.windowDays = windowDays;
    }

    public int windowDays() {
        return windowDays;
    }

    /** @param matched how many lines this call matched (0 when the file was imported before) */
    public record Imported(StatementImport statement, boolean alreadyImported, int matched) {
    }

    /** Imports a statement file and matches its lines; the same file again returns the first import unchanged. */
    @Transactional
    public Imported importStatement(Actor auditor, String fileName, byte[] bytes, String encoding) {
        String name = fileName == null || fileName.isBlank() ? "statement.csv"
                : Inputs.text("fileName", fileName, FILE_NAME_LENGTH_MAX);
        StatementCsv.Parsed parsed = StatementCsv.parse(bytes, StatementCsv.Encoding.parse(encoding));
        byte[] sha256 = sha256().digest(bytes);
        papers.lockImports();
        Optional<StatementImport> earlier = papers.importByHash(sha256);
        if (earlier.isPresent()) {
            return new Imported(earlier.get(), true, 0);
        }
        List<Papers.NewLine> lines = fingerprinted(parsed.lines());
        Set<String> existing = papers.existingFingerprints(Papers.fingerprintsOf(lines));
        List<Papers.NewLine> fresh = lines.stream()
                .filter(line -> !existing.contains(HexFormat.of().formatHex(line.fingerprint()))).toList();
        LocalDate first = lines.stream().map(Papers.NewLine::day).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = lines.stream().map(Papers.NewLine::day).max(Comparator.naturalOrder()).orElseThrow();
        long id = papers.insertImport(sha256, name, parsed.encoding(), lines.size(), fresh.size(), first, last,
                auditor.userId(), clock.instant());
        papers.insertLines(id, fresh);
        int matched = match(auditor, id);
        return new Imported(papers.importById(id).orElseThrow(), false, matched);
    }

    /**
     * A line's fingerprint covers what the bank printed and how many identical lines came before it in the same
     * file: two genuine ¥1,000 deposits on one day stay two lines, and the same file's lines are the same lines.
     */
    private static List<Papers.NewLine> fingerprinted(List<StatementCsv.Line> lines) {
        Map<String, Integer> seen = new HashMap<>();
        List<Papers.NewLine> result = new ArrayList<>(lines.size());
        for (StatementCsv.Line line : lines) {
            String content = line.day() + "\u0000" + line.amount() + "\u0000" + line.description() + "\u0000"
                    + line.reference();
            int occurrence = seen.merge(content, 1, Integer::sum);
            byte[] fingerprint = sha256().digest((content + "\u0000" + occurrence).getBytes(StandardCharsets.UTF_8));
            result.add(new Papers.NewLine(line.number(), line.day(), line.amount(), line.description(),
                    line.reference(), fingerprint));
        }
        return result;
    }

    /** Matches what is still unmatched of one import against unmatched bank legs; returns how many it matched. */
    @Transactional
    public int match(Actor auditor, long importId) {
        StatementImport statement = papers.importById(importId)
                .orElseThrow(() -> Refused.notFound("statement import " + importId));
        Set<Long> matchedLines = new HashSet<>();
        for (Papers.Match match : papers.matchesOf(importId)) {
            matchedLines.add(match.lineId());
        }
        List<StatementLine> open = papers.lines(importId).stream().filter(l -> !matchedLines.contains(l.id()))
                .sorted(Comparator.comparing(StatementLine::day).thenComparing(StatementLine::lineNumber)).toList();
        if (open.isEmpty()) {
            return 0;
        }
        List<BankLeg> legs = bankLegs(statement.firstDay().minusDays(windowDays),
                statement.lastDay().plusDays(windowDays));
        Set<String> taken = legs.isEmpty() ? new HashSet<>()
                : papers.matchedLegs(ledger.id(), legs.get(0).sequence(), legs.get(legs.size() - 1).sequence());
        int matched = 0;
        List<StatementLine> byAmount = new ArrayList<>();
        for (StatementLine line : open) {
            String reference = normalReference(line.reference());
            Optional<BankLeg> leg = reference.isEmpty() ? Optional.empty() : nearest(line, legs, taken,
                    candidate -> candidate.references().contains(reference), Integer.MAX_VALUE);
            if (leg.isPresent() && record(auditor, line, leg.get(), "REFERENCE", taken)) {
                matched++;
            } else {
                byAmount.add(line);
            }
        }
        for (StatementLine line : byAmount) {
            Optional<BankLeg> leg = nearest(line, legs, taken, candidate -> true, windowDays);
            if (leg.isPresent() && record(auditor, line, leg.get(), "AMOUNT_AND_DATE", taken)) {
                matched++;
            }
        }
        return matched;
    }

    private boolean record(Actor auditor, StatementLine line, BankLeg leg, String rule, Set<String> taken) {
        boolean recorded = papers.insertMatch(line.id(), ledger.id(), leg.sequence(), leg.leg(), rule,
                auditor.userId(), clock.instant());
        taken.add(Papers.legKey(leg.sequence(), leg.leg()));
        return recorded;
    }

    /** The untaken leg of the line's amount that passes {@code fits}, nearest in days (within the window), earliest first. */
    private static Optional<BankLeg> nearest(StatementLine line, List<BankLeg> legs, Set<String> taken,
                                             java.util.function.Predicate<BankLeg> fits, int windowDays) {
        BankLeg best = null;
        long bestDistance = Long.MAX_VALUE;
        for (BankLeg leg : legs) {
            if (leg.amount() != line.amount() || taken.contains(Papers.legKey(leg.sequence(), leg.leg()))
                    || !fits.test(leg)) {
                continue;
            }
            long distance = Math.abs(ChronoUnit.DAYS.between(line.day(), leg.day()));
            if (distance <= windowDays && distance < bestDistance) {
                best = leg;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The import's lines, matches and unmatched items on either side, with their latest notes. */
    public Reconciliation reconciliation(long importId) {
        StatementImport statement = papers.importById(importId)
                .orElseThrow(() -> Refused.notFound("statement import " + importId));
        List<StatementLine> lines = papers.lines(importId);
        List<BankLeg> legs = bankLegs(statement.firstDay().minusDays(windowDays),
                statement.lastDay().plusDays(windowDays));
        Map<String, BankLeg> legsByKey = new HashMap<>();
        for (BankLeg leg : legs) {
            legsByKey.put(Papers.legKey(leg.sequence(), leg.leg()), leg);
        }
        Map<Long, Papers.Match> matches = new HashMap<>();
        for (Papers.Match match : papers.matchesOf(importId)) {
            matches.put(match.lineId(), match);
        }
        Map<Long, ResolutionNote> lineNotes = papers.lineNotes(importId);
        List<Reconciliation.Matched> matched = new ArrayList<>();
        List<Reconciliation.UnmatchedLine> unmatchedLines = new ArrayList<>();
        for (StatementLine line : lines) {
            Papers.Match match = matches.get(line.id());
            if (match == null) {
                unmatchedLines.add(new Reconciliation.UnmatchedLine(line, lineNotes.get(line.id())));
            } else {
                matched.add(new Reconciliation.Matched(line, legsByKey.get(Papers.legKey(match.sequence(),
                        match.leg())), match.sequence(), match.leg(), match.rule()));
            }
        }
        List<Reconciliation.UnmatchedLeg> unmatchedLegs = new ArrayList<>();
        if (!legs.isEmpty()) {
            long first = legs.get(0).sequence();
            long last = legs.get(legs.size() - 1).sequence();
            Set<String> taken = papers.matchedLegs(ledger.id(), first, last);
            Map<String, ResolutionNote> legNotes = papers.legNotes(ledger.id(), first, last);
            for (BankLeg leg : legs) {
                String key = Papers.legKey(leg.sequence(), leg.leg());
                boolean inPeriod = !leg.day().isBefore(statement.firstDay()) && !leg.day().isAfter(statement.lastDay());
                if (inPeriod && !taken.contains(key)) {
                    unmatchedLegs.add(new Reconciliation.UnmatchedLeg(leg, legNotes.get(key)));
                }
            }
        }
        return new Reconciliation(statement, windowDays, matched, unmatchedLines, unmatchedLegs);
    }

    public List<StatementImport> imports() {
        return papers.imports();
    }

    @Transactional
    public void noteLine(Actor auditor, long lineId, String note) {
        String text = Inputs.text("note", note, NOTE_LENGTH_MAX);
        papers.line(lineId).orElseThrow(() -> Refused.notFound("statement line " + lineId));
        papers.insertLineNote(lineId, text, auditor.userId(), clock.instant());
    }

    @Transactional
    public void noteLeg(Actor auditor, long sequence, int legIndex, String note) {
        String text = Inputs.text("note", note, NOTE_LENGTH_MAX);
        Account bank = ledger.account(FundBooks.BANK).orElseThrow(() -> Refused.notFound("the fund bank account"));
        JournalEntry entry = sequence < 1 ? null : ledger.entry(sequence).orElse(null);
        boolean bankLeg = entry != null && legIndex >= 0 && legIndex < entry.legs().size()
                && touches(entry.legs().get(legIndex), bank);
        if (!bankLeg) {
            throw Refused.notFound("bank leg " + legIndex + " of entry " + sequence);
        }
        papers.insertLegNote(ledger.id(), sequence, legIndex, text, auditor.userId(), clock.instant());
    }

    private static boolean touches(JournalLeg leg, Account account) {
        return leg.debit().equals(account.id()) || leg.credit().equals(account.id());
    }

    /** The bank account's posted legs on business days {@code [from, to]}, in journal order. */
    List<BankLeg> bankLegs(LocalDate from, LocalDate to) {
        Optional<Account> bank = ledger.account(FundBooks.BANK);
        if (bank.isEmpty()) {
            return List.of();
        }
        List<HistoryLine> lines = new ArrayList<>();
        long after = 0;
        do {
            HistoryPage page = ledger.history(bank.get().id(), BusinessCalendar.startOf(from),
                    BusinessCalendar.startOf(to.plusDays(1)),
                    after, HistoryPage.LIMIT_MAX);
            for (HistoryLine line : page.lines()) {
                if (line.postedChange() != 0) {
                    lines.add(line);
                }
            }
            if (lines.size() > BANK_LEGS_MAX) {
                throw Refused.invalid("the statement's period holds more than " + BANK_LEGS_MAX
                        + " bank legs; import shorter statements");
            }
            after = page.nextAfter();
        } while (after != 0);
        Set<String> keys = new LinkedHashSet<>();
        for (HistoryLine line : lines) {
            keys.add(line.key().value());
        }
        Map<String, String> receipts = papers.receiptNumbersByEntryKey(keys);
        List<BankLeg> legs = new ArrayList<>(lines.size());
        for (HistoryLine line : lines) {
            Set<String> references = new HashSet<>();
            references.add(normalReference(line.key().value()));
            if (!line.memo().isBlank()) {
                references.add(normalReference(line.memo()));
            }
            String receipt = receipts.get(line.key().value());
            if (receipt != null) {
                references.add(normalReference(receipt));
            }
            legs.add(new BankLeg(line.sequence(), line.leg(), line.key().value(), line.kind().code(), line.postedAt(),
                    BusinessCalendar.dayOf(line.postedAt()), line.memo(), line.postedChange(), Set.copyOf(references)));
        }
        return legs;
    }

    /** References compare without case, width or spaces: banks print them in many ways. */
    static String normalReference(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normal.length());
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
