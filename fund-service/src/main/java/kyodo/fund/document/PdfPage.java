package kyodo.fund.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simple A4 document written top to bottom: headings, lines of text (wrapped), and QR codes. Text uses IPAex
 * Gothic, embedded as a subset, so Japanese renders on any reader and text extraction gives the characters back.
 */
public final class PdfPage implements AutoCloseable {
    public static final String FONT = "/kyodo/fund/fonts/ipaexg.ttf";
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    public static final int QR_PIXELS = 240;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    public PdfPage(String title) {
        try (InputStream in = PdfPage.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " is missing from the classpath");
            }
            font = PDType0Font.load(document, in, true);
            document.getDocumentInformation().setTitle(title);
            newPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    public PdfPage heading(String text) {
        return line(text, 18, 10);
    }

    public PdfPage text(String text) {
        return line(text, 11, 4);
    }

    public PdfPage small(String text) {
        return line(text, 8, 3);
    }

    public PdfPage gap() {
        y -= 10;
        return this;
    }

    private PdfPage line(String text, float size, float after) {
        try {
            for (String piece : wrap(text == null ? "" : text, size)) {
                if (y - size < MARGIN) {
                    newPage();
                }
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y - size);
                content.showText(piece);
                content.endText();
                y -= size * 1.4f;
            }
            y -= after;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r", "").split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                String next = current + new String(Character.toChars(cp));
                if (font.getStringWidth(next) / 1000 * size > WIDTH && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(new String(Character.toChars(cp)));
                } else {
                    current = new StringBuilder(next);
                }
                i += Character.charCount(cp);
            }
            lines.add(current.toString());
        }
        return lines;
    }

    /** A QR code of {@code payload} at the left margin, {@code sizePoints} wide. */
    public PdfPage qr(String payload, float sizePoints) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, QR_PIXELS, QR_PIXELS,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            PDImageXObject image = LosslessFactory.createFromImage(document,
                    MatrixToImageWriter.toBufferedImage(matrix));
            if (y - sizePoints < MARGIN) {
                newPage();
            }
            content.drawImage(image, MARGIN, y - sizePoints, sizePoints, sizePoints);
            y -= sizePoints + 6;
            return this;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + payload.length() + " characters", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        try {
            content.close();
            content = null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
