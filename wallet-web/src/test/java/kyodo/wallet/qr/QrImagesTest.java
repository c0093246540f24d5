package kyodo.wallet.qr;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class QrImagesTest {
    private static final String URL = "https://kyodo.example/pay?q=S00xfDd8MTIzNHwxNzk5OTk5OTk5fGFiY2RlZmdoaWprbG1ub3B8QS00Mg."
            + "a".repeat(86);

    @Test
    void aPngDecodesBackToTheSameText() throws Exception {
        byte[] png = QrImages.png(URL);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(QrImages.SIZE_PIXELS);
        assertThat(QrImages.decode(png)).contains(URL);
    }

    /** Every code we print must read back: a seeded run over token-like texts of the lengths our QR codes have. */
    @Test
    void everyPngWePrintDecodesBack() {
        long seed = 20261125L;
        Random random = new Random(seed);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder("https://kyodo.example/v?q=");
            int length = 80 + random.nextInt(200);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(QrImages.decode(QrImages.png(text.toString())))
                    .as("seed %d, text %d: %s", seed, i, text)
                    .contains(text.toString());
        }
    }

    @Test
    void theSvgHasAQuietZoneAndModules() {
        String svg = QrImages.svg(URL);

        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 ").contains("<path");
        // the first module is drawn after the four-module quiet zone
        assertThat(svg).contains("M4 4h1v1h-1z").doesNotContain("M0 0h1");
    }

    /** A phone photo: the code small, turned a little, on a grey noisy background, saved as JPEG. */
    @Test
    void aPhotoOfTheQrIsDecoded() throws Exception {
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(QrImages.png(URL)));
        BufferedImage photo = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        Random random = new Random(42);
        for (int y = 0; y < photo.getHeight(); y += 4) {
            for (int x = 0; x < photo.getWidth(); x += 4) {
                int grey = 150 + random.nextInt(60);
                g.setColor(new Color(grey, grey, grey - 20));
                g.fillRect(x, y, 4, 4);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform place = new AffineTransform();
        place.translate(420, 250);
        place.rotate(Math.toRadians(8));
        place.scale(1.4, 1.4);
        g.drawImage(code, place, null);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", jpeg);

        assertThat(QrImages.decode(jpeg.toByteArray())).contains(URL);
    }

    @Test
    void somethingThatIsNotAnImageDecodesToNothing() {
        assertThat(QrImages.decode("not an image".getBytes())).isEmpty();
        assertThat(QrImages.decode(new byte[0])).isEmpty();
        assertThat(QrImages.decode(new byte[QrImages.PHOTO_BYTES_MAX + 1])).isEmpty();
    }

    @Test
    void anImageWithoutAQrDecodesToNothing() throws Exception {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", png);

        assertThat(QrImages.decode(png.toByteArray())).isEmpty();
    }
}
