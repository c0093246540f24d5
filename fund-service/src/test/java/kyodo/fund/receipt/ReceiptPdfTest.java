package kyodo.fund.receipt;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import kyodo.fund.FundWebTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import kyodo.ledger.EntryKey;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.awt.image.BufferedImage;
import java.util.Map;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReceiptPdfTest extends FundWebTest {
    private static final RequestPostProcessor DONOR = as("donor-pdf", "DONOR");
    private static final RequestPostProcessor STAFF = as("staff-pdf", "STAFF");

    private long confirmedDonation(long amount) throws Exception {
        long id = api().postForId(DONOR, "/api/fund/donations", """
                {"donorType":"COMPANY","donorName":"株式会社さくら商店","donorAddress":"東京都協働区桜町4-5-6",
                 "amount":%d,"designation":"field:children","anonymous":false,"publicNameConsent":false}"""
                .formatted(amount), "$.id");
        api().post(STAFF, "/api/fund/donations/" + id + "/confirm", "{\"method\":\"BANK_TRANSFER\"}")
                .andExpect(status().isOk());
        return id;
    }

    private byte[] download(RequestPostProcessor who, String path) throws Exception {
        return api().get(who, path).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theReceiptCarriesTheDonorAmountDateDesignationAndNumberInJapanese() throws Exception {
        long id = confirmedDonation(123_456);
        String number = com.jayway.jsonpath.JsonPath.read(api().get(DONOR, "/api/fund/donations/" + id)
                .andReturn().getResponse().getContentAsString(), "$.receiptNumber");

        byte[] pdf = download(DONOR, "/api/fund/donations/" + id + "/receipt.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("寄附金受領証明書").contains("株式会社さくら商店 様").contains("¥123,456")
                    .contains("2027年4月1日").contains("分野指定: 子ども・子育て").contains(number)
                    .contains("協働推進基金");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("IPAexGothic");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void theReceiptQrDecodesToTheLogPageOfTheDonationsJournalEntry() throws Exception {
        long id = confirmedDonation(5_000);

        byte[] pdf = download(STAFF, "/api/fund/donations/" + id + "/receipt.pdf");

        String link;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            link = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(page))), Map.of(DecodeHintType.TRY_HARDER, true))
                    .getText();
        }
        long sequence = ledger.entry(new EntryKey("fund-donation-" + id)).orElseThrow().sequence();
        assertThat(link).isEqualTo("https://kyodo.example.jp/log/entries/" + sequence);
        api().get(null, "/api/fund/entries/fund-donation-" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("DONATION"))
                .andExpect(jsonPath("$.legs[0].debit").value("fund:bank"))
                .andExpect(jsonPath("$.legs[0].credit").value("fund:designation:field:children"))
                .andExpect(jsonPath("$.legs[0].amount").value(5_000));
    }

    @Test
    void aPledgeHasNoReceiptYet() throws Exception {
        long id = api().postForId(DONOR, "/api/fund/donations", """
                {"donorType":"INDIVIDUAL","donorName":"佐藤","amount":100}""", "$.id");

        api().get(DONOR, "/api/fund/donations/" + id + "/receipt.pdf").andExpect(status().isConflict());
    }

    @Test
    void theYearEndStatementListsTheDonorsDonationsOfTheYearWithTheirTotal() throws Exception {
        RequestPostProcessor donor = as("donor-statement", "DONOR");
        for (long amount : new long[] {1_000, 2_500}) {
            long id = api().postForId(donor, "/api/fund/donations", """
                    {"donorType":"INDIVIDUAL","donorName":"鈴木 一郎","amount":%d,"designation":"general"}"""
                    .formatted(amount), "$.id");
            api().post(STAFF, "/api/fund/donations/" + id + "/confirm", null).andExpect(status().isOk());
        }

        byte[] pdf = download(donor, "/api/fund/donations/statement/2027.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("2027年度 寄附金年間証明書").contains("鈴木 一郎 様").contains("¥1,000")
                    .contains("¥2,500").contains("合計 (Total): ¥3,500 (2件)");
        }
        api().get(as("donor-nobody", "DONOR"), "/api/fund/donations/statement/2027.pdf")
                .andExpect(status().isNotFound());
        download(as("auditor-pdf", "AUDITOR"), "/api/fund/donors/donor-statement/statement/2027.pdf");
        api().get(as("donor-pdf", "DONOR"), "/api/fund/donors/donor-statement/statement/2027.pdf")
                .andExpect(status().isForbidden());
    }

    @Test
    void entriesOutsideTheFundAreNotServed() throws Exception {
        api().get(null, "/api/fund/entries/wallet-anything").andExpect(status().isNotFound());
        api().get(null, "/api/fund/entries/fund-donation-999999999").andExpect(status().isNotFound());
    }
}
