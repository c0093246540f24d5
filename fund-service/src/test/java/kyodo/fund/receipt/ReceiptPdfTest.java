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
        // Kept for people to look at (pdftoppm -png target/receipt-sample.pdf).
        java.nio.file.Files.write(java.nio.file.Path.of("target", "receipt-sample.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("寄附金受領証明書").contains("株式会社さくら商店 様").contains("¥123,456")
                    .contains("金壱拾弐万参千四百五拾六円也").contains("受領日 令和9年(2027年)4月1日")
                    .contains("発行日 令和9年4月1日").contains("分野指定: 子ども・子育て").contains(number)
                    .contains("協働推進基金").contains("協働区長 協働 一郎").contains("印")
                    .contains("所得税法第78条第2項第1号").contains("国又は地方公共団体に対する寄附金")
                    .contains("地方税法第37条の2第1項第1号").contains("第314条の7第1項第1号").contains("寄附金税額控除");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("IPAmjMincho");
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

    /** Names that JIS X 0213 or IPAex Gothic lack, as people have them: each prints and extracts as given. */
    @Test
    void everyNameAPersonCanHavePrintsOnTheReceipt() throws Exception {
        for (String name : new String[] {"𠮷田 太郎", "髙橋 𩸽子", "𡈽屋 鷗外", "Łukasz Müller-Ñúñez"}) {
            long id = api().postForId(DONOR, "/api/fund/donations", """
                    {"donorType":"INDIVIDUAL","donorName":"%s","amount":10000,"designation":"general"}"""
                    .formatted(name), "$.id");
            api().post(STAFF, "/api/fund/donations/" + id + "/confirm", null).andExpect(status().isOk());

            byte[] pdf = download(DONOR, "/api/fund/donations/" + id + "/receipt.pdf");
            if (name.startsWith("𠮷")) {
                java.nio.file.Files.write(java.nio.file.Path.of("target", "receipt-sample-yoshida.pdf"), pdf);
            }

            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).as(name).contains(name + " 様")
                        .contains("金壱万円也").doesNotContain("〓");
                assertThat(new PDFRenderer(document).renderImageWithDPI(0, 72).getWidth()).isPositive();
            }
        }
    }

    @Test
    void aNameWithAnEmojiIsRefusedWhereItIsTypedAndNothingIsRecorded() throws Exception {
        RequestPostProcessor donor = as("donor-emoji", "DONOR");
        for (String name : new String[] {"山田 花子😀", "佐藤🇯🇵", "❤️鈴木"}) {
            api().post(donor, "/api/fund/donations", """
                            {"donorType":"INDIVIDUAL","donorName":"%s","amount":1000}""".formatted(name))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("NAME_NOT_PRINTABLE"))
                    .andExpect(jsonPath("$.message_ja").value(org.hamcrest.Matchers.containsString("絵文字")))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("donorName")));
        }
        api().get(donor, "/api/fund/donations/mine").andExpect(jsonPath("$.length()").value(0));
        long id = api().postForId(donor, "/api/fund/donations", """
                {"donorType":"INDIVIDUAL","donorName":"山田 花子","amount":1000}""", "$.id");
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
                mvc.getDispatcherServlet().getWebApplicationContext().getBean(javax.sql.DataSource.class));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "update fund_donation set donor_name = ? where id = ?", "山田 花子😀", id))
                .hasMessageContaining("fund_donation_donor_name_printable");
        api().get(donor, "/api/fund/donations/" + id).andExpect(jsonPath("$.donorName").value("山田 花子"));
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
