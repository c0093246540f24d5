package kyodo.ledger.journal.export;

import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.journal.SampleBooks;
import kyodo.ledger.journal.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportFormatTest {
    @Test
    void everyEntryReadsBackToTheSameCanonicalBytes() throws Exception {
        SampleBooks books = new SampleBooks(1, 77L).post(300);
        for (JournalEntry entry : books.ledger().entries(1, 300)) {
            String line = ExportFormat.entry(entry, new byte[32], id -> "code-" + id);
            ExportedEntry read = ExportFormat.readEntry(line);
            assertThat(CanonicalEncoding.encode(read.entry())).isEqualTo(CanonicalEncoding.encode(entry));
            assertThat(read.entry().hash()).isEqualTo(entry.hash());
        }
    }

    @Test
    void theTimestampFastPathAgreesWithTheIsoParser() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000) + 1_000_000_000L,
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    });
            String text = instant.toString();
            Instant fast = Timestamps.parseUtc(text);
            assertThat(fast == null ? Instant.parse(text) : fast).as("%s (seed %d)", text, seed).isEqualTo(instant);
        }
        assertThat(Timestamps.parseUtc("2026-02-31T00:00:00Z")).as("left to the full parser").isNull();
        assertThat(Timestamps.parseUtc("2026-11-25T18:00:00.1234567890Z")).isNull();
        assertThat(Timestamps.parseUtc("2026-11-25 18:00:00Z")).isNull();
    }

    @Test
    void aMalformedEntryLineSaysWhichField() {
        String good = ExportFormat.entry(new SampleBooks(1, 1L).post(1).ledger().entry(1).orElseThrow(), new byte[32],
                id -> "c");
        assertThatThrownBy(() -> ExportFormat.readEntry(good.replace("\"actor\":", "\"actr\":")))
                .hasMessageContaining("\"actor\" is missing");
        assertThatThrownBy(() -> ExportFormat.readEntry(good.replace("\"memo\":", "\"memo\":\"x\",\"memo\":")))
                .hasMessageContaining("\"memo\" appears twice");
        assertThatThrownBy(() -> ExportFormat.readEntry(good.replace("\"sequence\":1", "\"sequence\":\"1\"")))
                .isInstanceOf(JsonReader.JsonException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ExportFormat.readEntry(good.replace("\"kind\":\"P\"", "\"kind\":\"X\"")))
                .hasMessageContaining("leg kind");
        assertThatThrownBy(() -> ExportFormat.readEntry(good.replaceFirst("\"hash\":\"[0-9a-f]+\"", "\"hash\":\"zz\"")))
                .hasMessageContaining("64 hex digits");
    }
}
