package kyodo.ledger.journal.merkle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TilePathTest {
    @Test
    void writesAndReadsTheTlogTilesPaths() {
        assertThat(new TilePath(0, 1_234_067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new TilePath(1, 0, 42).path()).isEqualTo("tile/1/000.p/42");
        assertThat(new TilePath(2, 1000, 256).path()).isEqualTo("tile/2/x001/000");
        assertThat(TilePath.parse("tile/0/x001/x234/067")).isEqualTo(new TilePath(0, 1_234_067, 256));
        assertThat(TilePath.parse("tile/1/000.p/42")).isEqualTo(new TilePath(1, 0, 42));
        for (long index : new long[] {0, 7, 999, 1000, 255_999, 39_062, 123_456_789_012L}) {
            for (int width : new int[] {1, 200, 256}) {
                TilePath path = new TilePath(3, index, width);
                assertThat(TilePath.parse(path.path())).isEqualTo(path);
            }
        }
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {"tile/0/1234067", "tile/0/x1/067", "tile/0/067.p/256", "tile/0/067.p/0",
                "tile/0/x000/067", "tile/0/../067", "tile/entries/000", "tile/0/067/", "x".repeat(500), ""}) {
            assertThat(TilePath.parse(bad)).as(bad).isNull();
        }
    }
}
