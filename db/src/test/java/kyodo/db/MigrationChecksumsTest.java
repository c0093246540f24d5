package kyodo.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations are forward-only: a database kept on disk must keep migrating after a pull, so a file that has landed
 * is never edited, and each new one takes the next number. {@code migration-checksums.txt} pins the SHA-256 of every
 * landed file; a new migration adds its line there in the same commit.
 */
class MigrationChecksumsTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path PINNED = Path.of("src/test/resources/migration-checksums.txt");
    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__[a-z0-9_]+\\.sql");

    @Test
    void everyLandedMigrationKeepsItsChecksum() throws IOException {
        Map<String, String> pinned = pinned();
        Map<String, String> actual = actual();
        assertThat(actual.keySet())
                .as("a pinned migration was deleted or renamed")
                .containsAll(pinned.keySet());
        for (Map.Entry<String, String> pin : pinned.entrySet()) {
            assertThat(actual.get(pin.getKey()))
                    .as("%s has landed and must not be edited: write a new migration instead", pin.getKey())
                    .isEqualTo(pin.getValue());
        }
        List<String> unpinned = new ArrayList<>(actual.keySet());
        unpinned.removeAll(pinned.keySet());
        assertThat(unpinned)
                .as("pin each new migration in %s (sha256 and file name)", PINNED)
                .isEmpty();
    }

    @Test
    void versionsAreTheNextNumberWithoutGaps() throws IOException {
        TreeMap<Integer, String> byVersion = new TreeMap<>();
        for (String name : actual().keySet()) {
            Matcher matcher = NAME.matcher(name);
            assertThat(matcher.matches()).as("migration file name %s (V<n>__<lower_snake>.sql)", name).isTrue();
            String previous = byVersion.put(Integer.parseInt(matcher.group(1)), name);
            assertThat(previous).as("two migrations share version %s", matcher.group(1)).isNull();
        }
        int expected = 1;
        for (int version : byVersion.keySet()) {
            assertThat(version).as("migration versions run 1, 2, 3 … without gaps").isEqualTo(expected++);
        }
    }

    private static Map<String, String> pinned() throws IOException {
        Map<String, String> pins = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PINNED, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            assertThat(parts).as("line of %s: <sha256> <file>", PINNED).hasSize(2);
            pins.put(parts[1], parts[0]);
        }
        return pins;
    }

    private static Map<String, String> actual() throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                sums.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return sums;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is in every JDK", e);
        }
    }
}
