package kyodo.ledger.journal.merkle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers from the Certificate Transparency test data (RFC 6962's tree hash, which RFC 9162 keeps):
 * eight leaves {@code "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162…6f}, the roots of their
 * prefixes of size 1..8, and published inclusion and consistency proofs. Then every size 1..1000 against the
 * literal RFC recursion, and random proofs on a 100,000-leaf tree.
 */
class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static MemoryTree ctTree() {
        MerkleHash hash = new MerkleHash();
        MemoryTree tree = new MemoryTree();
        for (String leaf : LEAVES) {
            tree.append(hash.leaf(HEX.parseHex(leaf)));
        }
        return tree;
    }

    private static List<byte[]> hashes(String... hex) {
        List<byte[]> list = new ArrayList<>();
        for (String h : hex) {
            list.add(HEX.parseHex(h));
        }
        return list;
    }

    @Test
    void emptyTreeHashIsSha256OfNothing() {
        assertThat(HEX.formatHex(new MemoryTree().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsOfEveryPrefixMatchTheCertificateTransparencyVectors() {
        MemoryTree tree = ctTree();
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of size %d", size).isEqualTo(ROOTS[size - 1]);
        }
    }

    @Test
    void inclusionProofsMatchTheCertificateTransparencyVectors() {
        MemoryTree tree = ctTree();
        List<byte[]> leaf5of8 = hashes("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(tree.inclusionProof(5, 8)).containsExactlyElementsOf(leaf5of8);
        byte[] leaf5 = new MerkleHash().leaf(HEX.parseHex(LEAVES[5]));
        assertThat(MerkleProofs.verifyInclusion(5, 8, leaf5, leaf5of8, HEX.parseHex(ROOTS[7]))).isTrue();
        assertThat(MerkleProofs.verifyInclusion(4, 8, leaf5, leaf5of8, HEX.parseHex(ROOTS[7]))).isFalse();
        // Leaf 2 of 3: its only sibling is the subtree of leaves 0..1, whose hash is the size-2 root.
        assertThat(tree.inclusionProof(2, 3)).containsExactlyElementsOf(hashes(ROOTS[1]));
        // Leaf 0 of 1: the empty path, and the root is the leaf hash itself.
        assertThat(tree.inclusionProof(0, 1)).isEmpty();
    }

    @Test
    void consistencyProofsMatchTheCertificateTransparencyVectors() {
        MemoryTree tree = ctTree();
        List<byte[]> sixToEight = hashes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(tree.consistencyProof(6, 8)).containsExactlyElementsOf(sixToEight);
        assertThat(MerkleProofs.verifyConsistency(6, 8, sixToEight, HEX.parseHex(ROOTS[5]), HEX.parseHex(ROOTS[7])))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(6, 8, sixToEight, HEX.parseHex(ROOTS[4]), HEX.parseHex(ROOTS[7])))
                .isFalse();
        List<byte[]> twoToFive = hashes("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(tree.consistencyProof(2, 5)).containsExactlyElementsOf(twoToFive);
        assertThat(MerkleProofs.verifyConsistency(2, 5, twoToFive, HEX.parseHex(ROOTS[1]), HEX.parseHex(ROOTS[4])))
                .isTrue();
        // Size 1 to 8: the old tree is one leaf, a power of two, so its root is implied and the proof is the
        // three siblings on leaf 0's path.
        assertThat(tree.consistencyProof(1, 8)).containsExactlyElementsOf(tree.inclusionProof(0, 8));
    }

    @Test
    void everyTreeSizeFrom1To1000AgreesWithTheLiteralRfcRecursion() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        MerkleHash hash = new MerkleHash();
        MemoryTree tree = new MemoryTree();
        List<byte[]> leaves = new ArrayList<>();
        ReferenceTree reference = new ReferenceTree(leaves);
        for (int size = 1; size <= 1000; size++) {
            byte[] leaf = hash.leaf(("entry " + size).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            tree.append(leaf);
            byte[] root = tree.root(size);
            assertThat(root).as("root of size %d", size).isEqualTo(reference.mth(0, size));
            for (int index : sample(size, random)) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertThat(proof).as("inclusion %d of %d (seed %d)", index, size, seed)
                        .containsExactlyElementsOf(reference.path(index, 0, size));
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), proof, root)).isTrue();
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get((index + 1) % size), proof, root))
                        .isEqualTo(size == 1);
            }
            for (int old : sample(size + 1, random)) {
                List<byte[]> proof = tree.consistencyProof(old, size);
                assertThat(proof).as("consistency %d to %d (seed %d)", old, size, seed)
                        .containsExactlyElementsOf(old == 0 ? List.of() : reference.proof(old, size));
                assertThat(MerkleProofs.verifyConsistency(old, size, proof, tree.root(old), root)).isTrue();
                if (old > 0 && old < size) {
                    assertThat(MerkleProofs.verifyConsistency(old, size, proof, hash.leaf(new byte[] {1}), root))
                            .as("wrong old root %d to %d", old, size).isFalse();
                }
            }
        }
    }

    /** Every index below {@code bound} for small bounds, else the ends and a random dozen. */
    private static List<Integer> sample(int bound, Random random) {
        List<Integer> picks = new ArrayList<>();
        if (bound <= 64) {
            for (int i = 0; i < bound; i++) {
                picks.add(i);
            }
            return picks;
        }
        picks.add(0);
        picks.add(bound - 1);
        for (int i = 0; i < 12; i++) {
            picks.add(random.nextInt(bound));
        }
        return picks;
    }

    @Test
    void randomProofsOnAHundredThousandLeafTreeVerify() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        MerkleHash hash = new MerkleHash();
        MemoryTree tree = new MemoryTree();
        int size = 100_000;
        for (int i = 0; i < size; i++) {
            tree.append(hash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 2000; i++) {
            long newSize = 1 + random.nextInt(size);
            long oldSize = random.nextInt((int) newSize + 1);
            long index = random.nextInt((int) newSize);
            byte[] newRoot = tree.root(newSize);
            byte[] leaf = tree.nodes(newSize).node(0, index);
            assertThat(MerkleProofs.verifyInclusion(index, newSize, leaf, tree.inclusionProof(index, newSize), newRoot))
                    .as("inclusion %d in %d (seed %d)", index, newSize, seed).isTrue();
            List<byte[]> proof = tree.consistencyProof(oldSize, newSize);
            assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, proof, tree.root(oldSize), newRoot))
                    .as("consistency %d to %d (seed %d)", oldSize, newSize, seed).isTrue();
            if (!proof.isEmpty()) {
                List<byte[]> bent = new ArrayList<>(proof);
                byte[] first = bent.get(0).clone();
                first[0] ^= 1;
                bent.set(0, first);
                assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, bent, tree.root(oldSize), newRoot))
                        .as("bent consistency %d to %d (seed %d)", oldSize, newSize, seed).isFalse();
            }
        }
    }

    @Test
    void tilesWrittenInBatchesEqualTheTilesOfALeafByLeafTree() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        MerkleHash hash = new MerkleHash();
        MemoryTree tree = new MemoryTree();
        java.util.Map<String, byte[]> stored = new java.util.HashMap<>();
        TileReader reader = (level, index, width) ->
                java.util.Arrays.copyOf(stored.get(level + "/" + index), width * MerkleHash.HASH_BYTES);
        long size = 0;
        while (size < 70_000) {
            int batch = 1 + random.nextInt(random.nextBoolean() ? 10 : 3000);
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                byte[] leaf = hash.leaf(("leaf " + (size + i)).getBytes(StandardCharsets.UTF_8));
                leaves.add(leaf);
                tree.append(leaf);
            }
            for (TileAppender.TileWrite write : TileAppender.append(reader, size, leaves)) {
                byte[] before = stored.get(write.level() + "/" + write.index());
                if (before != null) {
                    assertThat(java.util.Arrays.copyOf(write.hashes(), before.length)).as("tiles only grow").isEqualTo(before);
                }
                stored.put(write.level() + "/" + write.index(), write.hashes());
            }
            size += batch;
            assertThat(MerkleTree.root(new TiledNodes(reader, size), size)).as("size %d (seed %d)", size, seed)
                    .isEqualTo(tree.root());
        }
        assertThat(stored).containsKey("2/0");
    }

    @Test
    void aProofReadsOnlyLogarithmicallyManyTiles() {
        MerkleHash hash = new MerkleHash();
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < 300_000; i++) {
            tree.append(hash.leaf(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}));
        }
        TiledNodes nodes = new TiledNodes(tree, tree.size());
        MerkleTree.inclusionProof(nodes, 123_456, tree.size());
        // Three tile levels; at most the leaf's tile and the right-edge tiles at each level.
        assertThat(nodes.tilesRead()).isLessThanOrEqualTo(3 * 3);
        TiledNodes forRoot = new TiledNodes(tree, tree.size());
        MerkleTree.root(forRoot, tree.size());
        assertThat(forRoot.tilesRead()).isLessThanOrEqualTo(3 * 2);
    }
}
