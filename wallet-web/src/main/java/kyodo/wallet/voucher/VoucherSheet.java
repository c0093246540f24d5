package kyodo.wallet.voucher;

import kyodo.fund.document.PdfPage;
import kyodo.wallet.qr.QrImages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A printable A4 sheet of vouchers, two columns by four rows, each with its amount, serial, expiry date and signed QR,
 * separated by cut lines. Text is set in the fund's embedded IPAex Gothic ({@link PdfPage#FONT}), so Japanese renders
 * on any printer and the serials can be extracted from the PDF again.
 */
public final class VoucherSheet {
    static final int COLUMNS = 2;
    static final int ROWS = 4;
    public static final int PER_PAGE = COLUMNS * ROWS;
    private static final float MARGIN = 28;
    private static final float QR_POINTS = 118;

    private VoucherSheet() {
    }

    /** One voucher as printed. */
    public record Printed(VoucherSerial serial, long amount, String expiresOn, String qrToken) {
    }

    public static byte[] pdf(String title, List<Printed> vouchers) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font;
            try (InputStream in = PdfPage.class.getResourceAsStream(PdfPage.FONT)) {
                if (in == null) {
                    throw new IllegalStateException("font " + PdfPage.FONT + " is missing from the classpath");
                }
                font = PDType0Font.load(document, in, true);
            }
            document.getDocumentInformation().setTitle(title);
            float cellWidth = (PDRectangle.A4.getWidth() - 2 * MARGIN) / COLUMNS;
            float cellHeight = (PDRectangle.A4.getHeight() - 2 * MARGIN) / ROWS;
            for (int first = 0; first < vouchers.size(); first += PER_PAGE) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (int i = first; i < Math.min(first + PER_PAGE, vouchers.size()); i++) {
                        int cell = i - first;
                        float left = MARGIN + (cell % COLUMNS) * cellWidth;
                        float top = PDRectangle.A4.getHeight() - MARGIN - (cell / COLUMNS) * cellHeight;
                        drawVoucher(document, content, font, vouchers.get(i), left, top, cellWidth, cellHeight);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawVoucher(PDDocument document, PDPageContentStream content, PDType0Font font,
                                     Printed voucher, float left, float top, float width, float height)
            throws IOException {
        content.setLineDashPattern(new float[]{3, 3}, 0);
        content.setLineWidth(0.5f);
        content.addRect(left, top - height, width, height);
        content.stroke();
        content.setLineDashPattern(new float[]{}, 0);

        float x = left + 12;
        text(content, font, 11, x, top - 24, "協働ポイント 紙券");
        text(content, font, 8, x, top - 36, "Kyodo community points voucher");
        text(content, font, 24, x, top - 72, String.format(Locale.ROOT, "%,d pt", voucher.amount()));
        text(content, font, 9, x, top - 96, "有効期限 " + voucher.expiresOn() + " まで");
        text(content, font, 8, x, top - 108, "Valid through " + voucher.expiresOn());
        text(content, font, 8, x, top - 130, "番号 / Serial");
        text(content, font, 10, x, top - 143, voucher.serial().grouped());
        text(content, font, 7, x, top - height + 14, "加盟店でご利用ください。一回限り有効です。");

        PDImageXObject qr = PDImageXObject.createFromByteArray(document, QrImages.png(voucher.qrToken()),
                "voucher-" + voucher.serial().value() + ".png");
        content.drawImage(qr, left + width - QR_POINTS - 8, top - QR_POINTS - 30, QR_POINTS, QR_POINTS);
    }

    private static void text(PDPageContentStream content, PDType0Font font, float size, float x, float y,
                             String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
