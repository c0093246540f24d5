package kyodo.ledger.journal.merkle;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * C2SP tlog-tiles entry bundles as Kyodo serves them at {@code tile/entries/<N>[.p/<W>]}: the entries of leaves
 * {@code 256·N .. 256·N+W-1}, each prefixed by its length as a big-endian uint16. A public entry is its
 * canonical bytes (first byte {@code 0x01}, the encoding version), which hash to the level-0 tile's leaf hash.
 * An entry whose contents are private (residents' points) is withheld: the item is {@code 0x00 || leaf hash}
 * (33 bytes), which no canonical encoding can be, so a client tells the two apart and checks the withheld
 * entry's leaf hash against the level-0 tile instead of hashing it.
 */
public final class EntryBundle {
    /** The first byte of a withheld entry; canonical bytes start with their version, {@code 0x01}. */
    public static final byte WITHHELD = 0x00;
    public static final int ITEM_BYTES_MAX = 0xFFFF;

    private EntryBundle() {
    }

    /** A withheld entry: {@code 0x00 || leafHash}. */
    public static byte[] withheld(byte[] leafHash) {
        if (leafHash.length != MerkleHash.HASH_BYTES) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + leafHash.length);
        }
        byte[] item = new byte[1 + MerkleHash.HASH_BYTES];
        item[0] = WITHHELD;
        System.arraycopy(leafHash, 0, item, 1, MerkleHash.HASH_BYTES);
        return item;
    }

    /** Whether an item of a bundle is a withheld entry rather than canonical bytes. */
    public static boolean isWithheld(byte[] item) {
        return item.length == 1 + MerkleHash.HASH_BYTES && item[0] == WITHHELD;
    }

    /** The leaf hash an item stands for: the withheld hash, or {@code SHA-256(0x00 || canonical bytes)}. */
    public static byte[] leafHash(byte[] item) {
        return isWithheld(item) ? Arrays.copyOfRange(item, 1, item.length) : new MerkleHash().leaf(item);
    }

    /** At most 256 items, each at most 65535 bytes, length-prefixed and side by side. */
    public static byte[] encode(List<byte[]> items) {
        if (items.isEmpty() || items.size() > Tiles.WIDTH) {
            throw new IllegalArgumentException("a bundle holds 1.." + Tiles.WIDTH + " entries, not " + items.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] item : items) {
            if (item.length > ITEM_BYTES_MAX) {
                throw new IllegalArgumentException("an entry bundle item has at most " + ITEM_BYTES_MAX
                        + " bytes, this one " + item.length);
            }
            out.write(item.length >>> 8);
            out.write(item.length & 0xFF);
            out.writeBytes(item);
        }
        return out.toByteArray();
    }

    /** The items of a bundle; an exception if the lengths do not add up. */
    public static List<byte[]> decode(byte[] bundle) {
        List<byte[]> items = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (at + 2 > bundle.length) {
                throw new IllegalArgumentException("the bundle ends inside a length prefix");
            }
            int length = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
            at += 2;
            if (at + length > bundle.length) {
                throw new IllegalArgumentException("the bundle ends inside an entry");
            }
            items.add(Arrays.copyOfRange(bundle, at, at + length));
            at += length;
        }
        return items;
    }
}
