package kyodo.fund.receipt;

import kyodo.fund.document.JapaneseDates;
import kyodo.fund.document.PdfPage;
import kyodo.fund.document.Typeface;
import kyodo.fund.document.Yen;
import kyodo.fund.document.YenInWords;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
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
import java.time.Clock;
import java.time.LocalDate;
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

    /**
     * What makes the receipt usable for the deduction of a donation to a local government (地方公共団体に対する
     * 寄附金): the income-tax deduction (所得税法第78条第2項第1号), the resident-tax credit (地方税法第37条の2第1項
     * 第1号、第314条の7第1項第1号) and, for a company, the loss deduction (法人税法第37条第3項第1号).
     */
    static final String TAX_WORDING = "この寄附金は、所得税法第78条第2項第1号に規定する国又は地方公共団体に対する寄附金"
            + "(特定寄附金)に該当し、所得税の寄附金控除の対象となります。また、地方税法第37条の2第1項第1号及び"
            + "第314条の7第1項第1号に規定する寄附金として、個人住民税の寄附金税額控除の対象となります。法人の場合は、"
            + "法人税法第37条第3項第1号に規定する国又は地方公共団体に対する寄附金として、その全額が損金の額に算入され"
            + "ます。確定申告の際は、この証明書を申告書に添付するか、提示してください。";

    private final String fundName;
    private final String baseUrl;
    private final FundBooks books;
    private final PostgresJournal journal;
    private final Issuer issuer;
    private final Clock clock;
    /** The receipt's own texts, so a receipt never depends on how the host assembles its bundles. */
    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

    /**
     * Who issues receipts: the ward ({@code kyodo.fund.issuer.name}), its head ({@code kyodo.fund.issuer.head}) and
     * a note under the seal box ({@code kyodo.fund.issuer.note}); the defaults are the demo ward's.
     */
    record Issuer(String name, String head, String note) {
    }

    Receipts(@Value("${kyodo.fund.name:協働推進基金}") String fundName,
             @Value("${kyodo.fund.public-base-url:http://localhost:8080}") String baseUrl,
             @Value("${kyodo.fund.issuer.name:協働区}") String issuerName,
             @Value("${kyodo.fund.issuer.head:協働区長 協働 一郎}") String issuerHead,
             @Value("${kyodo.fund.issuer.note:公印は押印した原本のみ有効です。電子交付の場合は下のQRコードで記帳を確認できます。}")
             String issuerNote,
             FundBooks books, DataSource dataSource, Ledger ledger, Clock clock) {
        this.issuer = new Issuer(issuerName, issuerHead, issuerNote);
        this.clock = clock;
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

    /**
     * The receipt (寄附金受領証明書) of a confirmed donation, as the donor files it with a tax return: the issuer
     * (the ward and its head, with the seal box), the receipt number and issue date, the donor's name as given, the
     * amount in words and figures, when it was received, the wording that makes it a donation to a local government
     * for the income-tax deduction and the resident-tax credit, and the QR code of its entry's inclusion proof.
     * Dates are in the Japanese era. Set in IPAmj Mincho, so every name the fund accepts prints.
     */
    public byte[] receipt(Donation donation) {
        if (donation.receiptNumber() == null) {
            throw new IllegalArgumentException("donation " + donation.id().value() + " has no receipt number");
        }
        String link = proofLink(donation.entryKey());
        LocalDate issued = BusinessCalendar.today(clock);
        try (PdfPage pdf = new PdfPage("寄附金受領証明書 " + donation.receiptNumberText(), Typeface.MINCHO)) {
            pdf.centered("寄附金受領証明書", 22)
                    .centered("Receipt for a donation to a local government", 8)
                    .gap()
                    .right("証明書番号 " + donation.receiptNumberText(), 10)
                    .right("発行日 " + JapaneseDates.era(issued), 10)
                    .gap()
                    .underlined(donation.donorName() + " 様", 15);
            if (!donation.donorAddress().isEmpty()) {
                pdf.text("住所 " + donation.donorAddress());
            }
            pdf.gap()
                    .framed(YenInWords.receipt(donation.amount()) + " (" + Yen.format(donation.amount()) + ")", 18)
                    .text("受領日 " + JapaneseDates.eraAndWestern(donation.receivedOn()))
                    .text("寄附先 " + issuer.name() + " " + fundName + "(使途指定: " + donation.designation().japanese()
                            + ")");
            if (donation.status() == Donation.Status.CANCELLED) {
                pdf.gap().centered("この寄附は取り消されました (This donation was cancelled)", 14);
            }
            pdf.gap()
                    .text("上記の金額を、" + issuer.name() + fundName + "への寄附金として受領したことを証明します。")
                    .gap()
                    .text(TAX_WORDING)
                    .small("This donation to " + issuer.name() + " is deductible from income tax (Income Tax Act "
                            + "art. 78(2)(i)) and credited against resident tax (Local Tax Act arts. 37-2 and 314-7). "
                            + "Keep this receipt for your tax return.")
                    .gap()
                    .text(JapaneseDates.era(issued))
                    .issuer(List.of(issuer.name(), issuer.head()), "印", 12)
                    .small(issuer.note())
                    .gap()
                    .qr(link, QR_POINTS)
                    .small("記帳と証明の確認 (Journal entry and proof): " + link)
                    .small(witnessLine(sequence(donation.entryKey()), Locale.JAPANESE))
                    .small(witnessLine(sequence(donation.entryKey()), Locale.ENGLISH));
            return pdf.bytes();
        }
    }

    /** A donor's confirmed donations received in one fiscal year, with their total. */
    public byte[] statement(String donorName, FiscalYear year, List<Donation> donations) {
        try (PdfPage pdf = new PdfPage("寄附金年間証明書 " + year.year(), Typeface.MINCHO)) {
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
                    .gap().text(JapaneseDates.era(BusinessCalendar.today(clock)))
                    .issuer(List.of(issuer.name() + " " + fundName, issuer.head()), "印", 11);
            return pdf.bytes();
        }
    }
}
