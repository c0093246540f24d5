package kyodo.wallet.log;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.donation.Donation;
import kyodo.fund.donation.DonationDesk;
import kyodo.fund.receipt.Receipts;
import kyodo.ledger.EntryKey;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleProofs;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.wallet.WalletWebTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donation receipt's QR opens the public log's page of the donation's entry, and what that page shows proves
 * the entry is in a checkpoint signed with the served key: checked from the page's own text with ledger-core's
 * verification code, as a reader with the printed receipt would.
 */
class ReceiptProofTest extends WalletWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DonationDesk desk;
    @Autowired
    Receipts receipts;
    @Autowired
    JournalFollower follower;

    @Test
    void theReceiptQrOpensTheEntrysProofPageAndThatPagesProofVerifies() throws Exception {
        Actor donor = registrar.createUser("receipt-donor-" + System.nanoTime() % 1_000_000, "証明 花子", PASSWORD,
                Role.DONOR).user().actor();
        Donation pledged = desk.pledge(donor, new DonationDesk.Form("INDIVIDUAL", "証明 花子", "東京都協働区1-1",
                4_321L, "field:environment", false, false));
        Donation confirmed = desk.confirm(demo("staff").actor(), pledged.id(),
                new DonationDesk.Arrival(null, null, null));
        long sequence = ledger.entry(new EntryKey(confirmed.entryKey())).orElseThrow().sequence();
        follower.catchUp();

        String link = qrOf(receipts.receipt(confirmed));

        assertThat(link).isEqualTo(BASE_URL + "/log/entries/" + sequence);
        String page = new LogClient(mvc).text(link.substring(BASE_URL.length()));
        assertThat(page).contains("¥4,321").contains(confirmed.entryKey());
        byte[] canonical = Base64.getDecoder().decode(one(page, "id=\"canonical\" class=\"mono\">([^<]*)<"));
        Checkpoint checkpoint = new LogClient(mvc).verified(
                HtmlUtils.htmlUnescape(one(page, "(?s)<pre id=\"checkpoint-note\" class=\"mono\">(.*?)</pre>")));
        long treeSize = Long.parseLong(one(page, "id=\"proof-tree-size\">(\\d+)<"));
        // The shared database holds other tests' entries too, so the proof has hashes to check.
        assertThat(treeSize).isEqualTo(checkpoint.size()).isGreaterThanOrEqualTo(sequence).isGreaterThan(1);
        List<byte[]> hashes = new ArrayList<>();
        Matcher li = Pattern.compile("<li class=\"mono\">([0-9a-f]{64})</li>").matcher(
                one(page, "(?s)<ol id=\"proof-hashes\">(.*?)</ol>"));
        while (li.find()) {
            hashes.add(HexFormat.of().parseHex(li.group(1)));
        }
        assertThat(MerkleProofs.verifyInclusion(sequence - 1, treeSize, new MerkleHash().leaf(canonical), hashes,
                checkpoint.root())).isTrue();
    }

    private static String qrOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        }
    }

    private static String one(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        assertThat(matcher.find()).as("page has " + regex).isTrue();
        return matcher.group(1);
    }
}
