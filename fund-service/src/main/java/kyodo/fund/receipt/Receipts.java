package kyodo.fund.receipt;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.document.PdfPage;
import kyodo.fund.document.Yen;
import kyodo.fund.books.FundBooks;
import kyodo.fund.donation.Donation;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.Ledger;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders receipts and statements. The receipt's QR opens the public log's page of the entry that put the
 * donation on the books ({@value #PROOF_PAGE}{@code <sequence>} at {@code kyodo.fund.public-base-url}), which
 * shows the entry with its inclusion proof and the signed checkpoint; the host application serves that page.
 */
@Component
public class Receipts {
    /** Where the host application serves the public log's page of one entry, by sequence number. */
    public static final String PROOF_PAGE = "/log/entries/";
    private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final float QR_POINTS = 110;

    private final String fundName;
    private final String baseUrl;
    private final FundBooks books;
    private final PostgresJournal journal;
    /** The receipt's own texts, so a receipt never depends on how the host assembles its bundles. */
    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

    Receipts(@Value("${kyodo.fund.name:協働推進基金}") String fundName,
             @Value("${kyodo.fund.public-base-url:http://localhost:8080}") String baseUrl, FundBooks books,
             DataSource dataSource, Ledger ledger) {
        this.fundName = fundName;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.books = books;
        this.journal = new PostgresJournal(dataSource, ledger.id());
        texts.setBasenames("messages-witness");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        URI.create(this.baseUrl); // fail at start on a malformed setting, not on the first receipt
    }

    /**
     * How many independent witnesses cosigned the checkpoint a receipt relies on: the newest one, which contains
     * the donation's entry once it has been signed (the page the QR opens proves the entry against it).
     */
    private String witnessLine(long sequence, Locale locale) {
        try {
            Optional<StoredCheckpoint> latest = journal.latestCheckpoint().filter(c -> c.treeSize() >= sequence);
            if (latest.isEmpty()) {
                return texts.getMessage("witness.receipt.pending", null, locale);
            }
            return texts.getMessage("witness.receipt.cosigned", new Object[] {latest.get().treeSize(),
                    journal.witnessCount(latest.get().treeSize())}, locale);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal's checkpoints for a receipt", e);
        }
    }

    /**
     * Where the QR of a receipt points: the public log's page of the entry under {@code entryKey}, by its
     * sequence number (the log's own name for an entry, the one its proofs use).
     */
    public String proofLink(String entryKey) {
        return baseUrl + PROOF_PAGE + sequence(entryKey);
    }

    private long sequence(String entryKey) {
        return books.entry(entryKey).map(JournalEntry::sequence).orElseThrow(() ->
                new IllegalStateException("entry " + entryKey + " is not on the books"));
    }

    public byte[] receipt(Donation donation) {
        if (donation.receiptNumber() == null) {
            throw new IllegalArgumentException("donation " + donation.id().value() + " has no receipt number");
        }
        String link = proofLink(donation.entryKey());
        try (PdfPage pdf = new PdfPage("寄附金受領証明書 " + donation.receiptNumberText())) {
            pdf.heading("寄附金受領証明書")
                    .small("Donation receipt")
                    .text("受領証明書番号 (Receipt No.): " + donation.receiptNumberText())
                    .gap()
                    .text("寄附者 (Donor): " + donation.donorName() + " 様")
                    .text(donation.donorAddress().isEmpty() ? "" : "住所 (Address): " + donation.donorAddress())
                    .text("寄附金額 (Amount): " + Yen.format(donation.amount()))
                    .text("受領日 (Received on): " + JAPANESE_DATE.format(donation.receivedOn()))
                    .text("使途指定 (Designation): " + donation.designation().japanese())
                    .text(donation.status() == Donation.Status.CANCELLED
                            ? "この寄附は取り消されました (This donation was cancelled)" : "")
                    .gap()
                    .text("上記の金額を" + fundName + "への寄附金として受領したことを証明します。")
                    .small("We certify that we received the amount above as a donation to the fund.")
                    .gap()
                    .text(fundName)
                    .gap()
                    .small("記帳と証明の確認 (Journal entry and proof): " + link)
                    .small(witnessLine(sequence(donation.entryKey()), Locale.JAPANESE))
                    .small(witnessLine(sequence(donation.entryKey()), Locale.ENGLISH))
                    .qr(link, QR_POINTS);
            return pdf.bytes();
        }
    }

    /** A donor's confirmed donations received in one fiscal year, with their total. */
    public byte[] statement(String donorName, FiscalYear year, List<Donation> donations) {
        try (PdfPage pdf = new PdfPage("寄附金年間証明書 " + year.year())) {
            pdf.heading(year.year() + "年度 寄附金年間証明書")
                    .small("Year-end donation statement, fiscal year " + year.year())
                    .text("寄附者 (Donor): " + donorName + " 様")
                    .text("期間 (Period): " + JAPANESE_DATE.format(year.firstDay()) + " 〜 "
                            + JAPANESE_DATE.format(year.lastDay()))
                    .gap();
            long total = 0;
            for (Donation donation : donations) {
                total = Math.addExact(total, donation.amount());
                pdf.text(JAPANESE_DATE.format(donation.receivedOn()) + "  " + donation.receiptNumberText() + "  "
                        + Yen.format(donation.amount()) + "  " + donation.designation().japanese());
            }
            pdf.gap().text("合計 (Total): " + Yen.format(total) + " (" + donations.size() + "件)")
                    .gap().text(fundName);
            return pdf.bytes();
        }
    }
}
