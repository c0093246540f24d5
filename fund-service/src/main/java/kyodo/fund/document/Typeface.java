package kyodo.fund.document;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;

/**
 * The two fonts the fund's documents are set in, both shipped in the jar (never read from the system) under the
 * IPA Font License v1.0 ({@code kyodo/fund/fonts/IPA_Font_License_Agreement_v1.0.txt}), both TrueType, so PDFBox
 * embeds a subset of what a document uses:
 * <ul>
 * <li>{@link #GOTHIC} IPAex Gothic, the documents' text: it covers JIS X 0213 but not every character of people's
 *     names (𠮷, for one);</li>
 * <li>{@link #MINCHO} IPAmj Mincho, the font of the 文字情報基盤 (MJ characters, about 58,000 ideographs: what the
 *     family register and the resident register use for names), for receipts and wherever Gothic lacks a glyph.</li>
 * </ul>
 * A font file is read once per process and parsed once per document (a parsed font is not safe to share).
 */
public enum Typeface {
    GOTHIC("/kyodo/fund/fonts/ipaexg.ttf"),
    MINCHO("/kyodo/fund/fonts/ipamjm.ttf");

    private final String resource;
    private volatile byte[] bytes;
    private volatile BitSet covered;

    Typeface(String resource) {
        this.resource = resource;
    }

    /** The font file's bytes, read from the class path on first use. */
    byte[] bytes() {
        byte[] read = bytes;
        if (read == null) {
            synchronized (this) {
                if (bytes == null) {
                    try (InputStream in = Typeface.class.getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException("font " + resource + " is missing from the class path");
                        }
                        bytes = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read font " + resource, e);
                    }
                }
                read = bytes;
            }
        }
        return read;
    }

    /** A freshly parsed font for one document; the caller closes it when the document is saved. */
    TrueTypeFont parse() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse font " + resource, e);
        }
    }

    /** Whether the font has a glyph for {@code codePoint}. */
    public boolean covers(int codePoint) {
        return coverage().get(codePoint);
    }

    private BitSet coverage() {
        BitSet read = covered;
        if (read == null) {
            synchronized (this) {
                if (covered == null) {
                    BitSet glyphs = new BitSet(Character.MAX_CODE_POINT + 1);
                    try (TrueTypeFont font = parse()) {
                        CmapLookup cmap = font.getUnicodeCmapLookup();
                        for (int cp = 0; cp <= 0x3FFFF; cp++) {
                            if (cmap.getGlyphId(cp) != 0) {
                                glyphs.set(cp);
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the characters of font " + resource, e);
                    }
                    covered = glyphs;
                }
                read = covered;
            }
        }
        return read;
    }
}
