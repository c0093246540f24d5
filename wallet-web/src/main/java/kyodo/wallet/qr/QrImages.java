package kyodo.wallet.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * QR images with ZXing: PNG and SVG with error correction level M and the standard four-module quiet zone that
 * phone cameras need, and decoding of an uploaded photo.
 */
public final class QrImages {
    public static final int SIZE_PIXELS = 320;
    public static final int QUIET_ZONE_MODULES = 4;
    /** Uploaded photos larger than this are refused before decoding. */
    public static final int PHOTO_BYTES_MAX = 5 * 1024 * 1024;
    public static final int PHOTO_PIXELS_MAX = 4096 * 4096;
    public static final int TEXT_LENGTH_MAX = 1000;

    private QrImages() {
    }

    private static BitMatrix matrix(String text, int size) {
        if (text == null || text.isEmpty() || text.length() > TEXT_LENGTH_MAX) {
            throw new IllegalArgumentException("QR text must have 1.." + TEXT_LENGTH_MAX + " characters");
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR: " + e.getMessage(), e);
        }
    }

    public static byte[] png(String text) {
        return Png.write(matrix(text, SIZE_PIXELS));
    }

    /** An SVG drawing one path of unit squares, scaled by the viewer; crisp at any size. */
    public static String svg(String text) {
        BitMatrix matrix = matrix(text, 0);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder(width * height * 4);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The text of the QR code in an image (PNG, JPEG, GIF, BMP), if one can be read. */
    public static Optional<String> decode(byte[] image) {
        if (image == null || image.length == 0 || image.length > PHOTO_BYTES_MAX) {
            return Optional.empty();
        }
        BufferedImage picture = readBounded(image);
        if (picture == null) {
            return Optional.empty();
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture)));
        return read(bitmap, false).or(() -> read(bitmap, true));
    }

    /**
     * ZXing's finder-pattern detector misses a few percent of perfectly clean codes (our own PNGs among them, as a
     * seeded loop over tokens showed), while the pure-barcode path reads exactly those: screenshots and saved
     * images are clean, so they get the second try that photos do not need.
     */
    private static Optional<String> read(BinaryBitmap bitmap, boolean pure) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        if (pure) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    /** Reads the image only after its header says it is small enough, so a decompression bomb costs nothing. */
    private static BufferedImage readBounded(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > PHOTO_PIXELS_MAX) {
                    return null;
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
