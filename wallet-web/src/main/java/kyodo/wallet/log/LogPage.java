package kyodo.wallet.log;

import kyodo.fund.layout.Formats;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import kyodo.wallet.qr.QrProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The pages of the public log, Japanese first: {@code /log} (the latest checkpoint and how to verify),
 * {@code /log/checkpoints} (every stored checkpoint, paged, with how many witnesses cosigned it) and
 * {@code /log/entries/{sequence}}, which a donation receipt's QR opens: the entry, its inclusion proof, the
 * signed checkpoint it is proved against, and the same explanation in plain words. The page checks the proof
 * and the signature itself as a convenience; the point is that a reader need not trust it.
 */
@Controller
class LogPage {
    private final PublicLog log;
    private final Formats formats;
    private final Clock clock;
    private final String baseUrl;

    LogPage(PublicLog log, Formats formats, QrProperties qr, Clock clock) {
        this.log = log;
        this.formats = formats;
        this.clock = clock;
        this.baseUrl = qr.baseUrl().endsWith("/") ? qr.baseUrl().substring(0, qr.baseUrl().length() - 1)
                : qr.baseUrl();
    }

    /** One leg as the page shows it: account codes and the amount with its unit. */
    record LegRow(int index, String kind, String debit, String credit, String amount) {
    }

    /** The fiscal year whose report's proof bundle the pages' instructions download. */
    @ModelAttribute("reportYear")
    int reportYear() {
        return FiscalYear.current(clock).year();
    }

    @GetMapping("/log")
    String index(Model model) {
        model.addAttribute("baseUrl", baseUrl);
        model.addAttribute("keys", log.keys());
        model.addAttribute("witnessKeys", log.witnessKeys());
        try {
            StoredCheckpoint checkpoint = log.checkpoint(null);
            model.addAttribute("checkpoint", checkpoint);
            model.addAttribute("rootHex", HexFormat.of().formatHex(checkpoint.root()));
            model.addAttribute("cosignedNote", log.cosignedNote(checkpoint));
            model.addAttribute("cosignatures", log.cosignatures(checkpoint));
        } catch (LogRefused none) {
            model.addAttribute("checkpoint", null);
        }
        return "log";
    }

    /** One row of the history page: a checkpoint as people read it. */
    record HistoryRow(long treeSize, String rootHex, String createdAt, int witnesses) {
    }

    /** The checkpoint history, newest first, {@link PublicLog#HISTORY_PAGE_MAX} to a page. */
    @GetMapping("/log/checkpoints")
    String checkpoints(@RequestParam(required = false) String before, Model model, HttpServletResponse response) {
        PublicLog.HistoryPage page;
        try {
            page = log.history(LogInput.optionalPositive("before", before), PublicLog.HISTORY_PAGE_MAX);
        } catch (LogRefused refused) {
            response.setStatus(refused.status());
            model.addAttribute("errorKey", refused.messageKey());
            model.addAttribute("rows", List.of());
            return "log-checkpoints";
        }
        model.addAttribute("rows", page.rows().stream().map(row -> new HistoryRow(row.checkpoint().treeSize(),
                HexFormat.of().formatHex(row.checkpoint().root()), formats.dateTime(row.checkpoint().createdAt()),
                row.witnesses())).toList());
        model.addAttribute("total", page.total());
        model.addAttribute("nextBefore", page.nextBefore());
        model.addAttribute("witnessCount", log.witnessKeys().size());
        return "log-checkpoints";
    }

    @GetMapping("/log/entries/{sequence}")
    String entry(@PathVariable String sequence, Model model, HttpServletResponse response) {
        model.addAttribute("baseUrl", baseUrl);
        model.addAttribute("keys", log.keys());
        PublicLog.Entry found;
        try {
            found = log.entry(LogInput.positive("sequence", sequence));
        } catch (LogRefused refused) {
            response.setStatus(refused.status());
            model.addAttribute("errorKey", refused.messageKey());
            return "log-entry";
        }
        long number = found.entry().sequence();
        model.addAttribute("sequence", number);
        model.addAttribute("entry", found.entry());
        model.addAttribute("postedAt", formats.dateTime(found.entry().postedAt()));
        model.addAttribute("legs", legs(found.entry().legs()));
        model.addAttribute("canonical", Base64.getEncoder().encodeToString(found.canonical()));
        model.addAttribute("leafHex", HexFormat.of().formatHex(found.leafHash()));
        Optional<StoredCheckpoint> containing = log.checkpointContaining(number);
        model.addAttribute("checkpoint", containing.orElse(null));
        containing.ifPresent(checkpoint -> {
            InclusionProof proof = log.inclusion(number, checkpoint);
            model.addAttribute("proof", proof);
            model.addAttribute("proofHashes", proof.hashes().stream().map(HexFormat.of()::formatHex).toList());
            model.addAttribute("rootHex", HexFormat.of().formatHex(checkpoint.root()));
            model.addAttribute("proofVerified", proof.verify(checkpoint.root()));
            model.addAttribute("signatureVerified", log.signedByThisLog(checkpoint));
        });
        return "log-entry";
    }

    private List<LegRow> legs(List<JournalLeg> legs) {
        List<LegRow> rows = new ArrayList<>();
        for (JournalLeg leg : legs) {
            String amount = "JPY".equals(leg.asset().code()) ? formats.yen(leg.amount())
                    : "PT".equals(leg.asset().code()) ? formats.pt(leg.amount())
                    : leg.amount() + " " + leg.asset().code();
            rows.add(new LegRow(leg.index(), leg.kind().name(), leg.debit() == null ? "" : log.accountCode(leg.debit()),
                    leg.credit() == null ? "" : log.accountCode(leg.credit()), amount));
        }
        return rows;
    }
}
