package kyodo.fund.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A simple A4 document written top to bottom: headings, lines of text (wrapped, left, centred or right), a framed
 * line, a seal box, and QR codes. Text is set in a {@link Typeface} embedded as a subset, so Japanese renders on
 * any reader and text extraction gives the characters back; a character the chosen typeface lacks is set in the
 * other one (IPAex Gothic lacks 𠮷, which IPAmj Mincho has), so every name the fund accepts prints. A character
 * neither has (a document's text is checked where it is typed, so this is a last resort) prints as 〓, the mark
 * Japanese typesetting uses for a missing character, instead of failing the document.
 */
public final class PdfPage implements AutoCloseable {
    /** IPAex Gothic on the class path, for documents drawn outside this class (the wallet's voucher sheet). */
    public static final String FONT = "/kyodo/fund/fonts/ipaexg.ttf";
    public static final int QR_PIXELS = 240;
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final int MISSING = '〓';
    /** Where the CJK blocks begin: below it, a character belongs to a word of Latin text. */
    private static final int CJK_START = 0x2E80;
    /** Marks that Japanese typesetting never puts at the start of a line. */
    private static final String NO_LINE_START = "、。，．・：；？！）」』】〕〉》ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ々";

    private final PDDocument document = new PDDocument();
    private final Typeface primary;
    private final Map<Typeface, PDType0Font> fonts = new EnumMap<>(Typeface.class);
    private final List<TrueTypeFont> parsed = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    /** A document set in IPAex Gothic. */
    public PdfPage(String title) {
        this(title, Typeface.GOTHIC);
    }

    /** A document set in {@code typeface}, the other one filling in what it lacks. */
    public PdfPage(String title, Typeface typeface) {
        this.primary = typeface;
        try {
            font(typeface);
            document.getDocumentInformation().setTitle(title);
            newPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The typeface loaded into this document, loading it on first use. */
    private PDType0Font font(Typeface typeface) throws IOException {
        PDType0Font font = fonts.get(typeface);
        if (font == null) {
            TrueTypeFont ttf = typeface.parse();
            parsed.add(ttf);
            font = PDType0Font.load(document, ttf, true);
            fonts.put(typeface, font);
        }
        return font;
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
        return line(text, 18, 10, Align.LEFT);
    }

    public PdfPage text(String text) {
        return line(text, 11, 4, Align.LEFT);
    }

    public PdfPage small(String text) {
        return line(text, 8, 3, Align.LEFT);
    }

    /** A line of {@code size} points centred on the page (wrapped if it is wider). */
    public PdfPage centered(String text, float size) {
        return line(text, size, size * 0.5f, Align.CENTER);
    }

    /** A line of {@code size} points against the right margin. */
    public PdfPage right(String text, float size) {
        return line(text, size, size * 0.3f, Align.RIGHT);
    }

    /** Text of {@code size} points with a rule under it, as a name on a certificate is written. */
    public PdfPage underlined(String text, float size) {
        try {
            line(text, size, 0, Align.LEFT);
            content.moveTo(MARGIN, y + size * 0.15f);
            content.lineTo(MARGIN + Math.min(WIDTH, Math.max(width(text, size) + size, WIDTH * 0.6f)),
                    y + size * 0.15f);
            content.stroke();
            y -= size * 0.6f;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} centred in a frame across the page: the amount of a receipt, which nobody may alter. */
    public PdfPage framed(String text, float size) {
        try {
            float height = size * 2.2f;
            if (y - height < MARGIN) {
                newPage();
            }
            content.addRect(MARGIN, y - height, WIDTH, height);
            content.stroke();
            float x = MARGIN + (WIDTH - width(text, size)) / 2;
            draw(text, x, y - height / 2 - size * 0.35f, size);
            y -= height + 8;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An issuer's block against the right margin: its lines, and to their right a square for the official seal
     * with {@code sealLabel} in its corner (the seal is pressed on the printed receipt, or the note says it is
     * omitted).
     */
    public PdfPage issuer(List<String> lines, String sealLabel, float size) {
        try {
            float seal = 54;
            float height = Math.max(seal, lines.size() * size * 1.5f);
            if (y - height < MARGIN) {
                newPage();
            }
            float sealX = MARGIN + WIDTH - seal;
            float top = y;
            content.addRect(sealX, top - seal, seal, seal);
            content.stroke();
            draw(sealLabel, sealX + seal - width(sealLabel, 8) - 3, top - seal + 3, 8);
            float lineY = top - size;
            for (String line : lines) {
                draw(line, sealX - 10 - width(line, size), lineY, size);
                lineY -= size * 1.5f;
            }
            y = top - height - 8;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PdfPage gap() {
        y -= 10;
        return this;
    }

    private enum Align { LEFT, CENTER, RIGHT }

    private PdfPage line(String text, float size, float after, Align align) {
        try {
            for (String piece : wrap(text == null ? "" : text, size)) {
                if (y - size < MARGIN) {
                    newPage();
                }
                float x = switch (align) {
                    case LEFT -> MARGIN;
                    case CENTER -> MARGIN + (WIDTH - width(piece, size)) / 2;
                    case RIGHT -> MARGIN + WIDTH - width(piece, size);
                };
                draw(piece, x, y - size, size);
                y -= size * 1.4f;
            }
            y -= after;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run of text set in one font. */
    private record Run(PDType0Font font, String text) {
    }

    /**
     * {@code text} cut into runs by the font that prints each character: the document's typeface where it can,
     * else the other; a variation selector is dropped (the base character prints), a character neither has is 〓.
     */
    private List<Run> runs(String text) throws IOException {
        List<Run> runs = new ArrayList<>();
        PDType0Font current = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (PrintableNames.isIdeographicVariationSelector(cp) || (cp >= 0xFE00 && cp <= 0xFE0F)) {
                continue;
            }
            Typeface face = primary.covers(cp) ? primary : other().covers(cp) ? other() : null;
            if (face == null) {
                face = primary;
                cp = MISSING;
            }
            PDType0Font font = font(face);
            if (font != current && !run.isEmpty()) {
                runs.add(new Run(current, run.toString()));
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(cp);
        }
        if (!run.isEmpty()) {
            runs.add(new Run(current, run.toString()));
        }
        return runs;
    }

    private Typeface other() {
        return primary == Typeface.GOTHIC ? Typeface.MINCHO : Typeface.GOTHIC;
    }

    private float width(String text, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text)) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    private void draw(String text, float x, float baseline, float size) throws IOException {
        float at = x;
        for (Run run : runs(text)) {
            content.beginText();
            content.setFont(run.font(), size);
            content.newLineAtOffset(at, baseline);
            content.showText(run.text());
            content.endText();
            at += run.font().getStringWidth(run.text()) / 1000 * size;
        }
    }

    private List<String> wrap(String text, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r", "").split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                String next = current + new String(Character.toChars(cp));
                // A closing mark never starts a line (kinsoku): it hangs past the margin instead.
                if (width(next, size) > WIDTH && !current.isEmpty() && NO_LINE_START.indexOf(cp) < 0) {
                    // Latin text breaks between words; Japanese text between any two characters.
                    int space = current.lastIndexOf(" ");
                    if (cp < CJK_START && cp != ' ' && space > 0) {
                        lines.add(current.substring(0, space));
                        current = new StringBuilder(current.substring(space + 1)).appendCodePoint(cp);
                    } else {
                        lines.add(current.toString());
                        current = new StringBuilder(new String(Character.toChars(cp)));
                    }
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
            for (TrueTypeFont ttf : parsed) {
                ttf.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
