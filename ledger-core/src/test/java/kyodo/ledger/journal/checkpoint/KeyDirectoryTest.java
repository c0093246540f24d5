package kyodo.ledger.journal.checkpoint;

import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void generatesAKeyOnFirstRunAndLoadsTheSameOneLater() throws Exception {
        List<NoteSigner> first = KeyDirectory.loadOrCreate(dir, "kyodo.example/journal-1");
        List<NoteSigner> again = KeyDirectory.loadOrCreate(dir, "kyodo.example/journal-1");
        assertThat(first).hasSize(1);
        assertThat(again.get(0).verifierKey()).isEqualTo(first.get(0).verifierKey());
        VerifierKey key = first.get(0).verifierKey();
        String stem = "kyodo.example_journal-1-" + key.idHex();
        assertThat(Files.getPosixFilePermissions(dir.resolve(stem + ".key")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        String pub = Files.readString(dir.resolve(stem + ".pub"));
        assertThat(pub).contains("Key name: kyodo.example/journal-1", "Key ID: " + key.idHex(),
                "-----BEGIN PUBLIC KEY-----");
        List<PublicKeyFile.Entry> parsed = PublicKeyFile.parse(pub);
        assertThat(parsed.get(0).publicKey()).isEqualTo(key.publicKey());
        assertThat(VerifierKey.parseVkey(Files.readString(dir.resolve(stem + ".vkey")))).isEqualTo(key);
        assertThat(Files.readString(dir.resolve(stem + ".key"))).contains("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void whatAProcessKilledWhileCreatingAKeyLeavesBehindDoesNotStopTheNextStart() throws Exception {
        // Killed before the private key was renamed into place: a temporary file and public files of a key that
        // never signed.
        Files.writeString(dir.resolve(".kyodo.example_journal-1-00000000.key12345.tmp"), "-----BEGIN PRIVATE");
        Files.writeString(dir.resolve("kyodo.example_journal-1-00000000.pub"), "Key name: kyodo.example/journal-1\n");
        List<NoteSigner> signers = KeyDirectory.loadOrCreate(dir, "kyodo.example/journal-1");
        assertThat(signers).hasSize(1);
        assertThat(KeyDirectory.load(dir)).extracting(NoteSigner::verifierKey)
                .containsExactly(signers.get(0).verifierKey());
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".key"))).hasSize(1);
        }
    }

    @Test
    void twoKeysSignSideBySideDuringARotation() throws Exception {
        NoteSigner old = KeyDirectory.create(dir, "kyodo.example/journal-1");
        NoteSigner next = KeyDirectory.create(dir, "kyodo.example/journal-2");
        CheckpointSigner signer = new CheckpointSigner("kyodo.example/ledger/1", KeyDirectory.load(dir));
        SignedNote note = SignedNote.parse(signer.sign(5, new byte[32]).format());
        assertThat(note.signatures()).hasSize(2);
        assertThat(note.verify(List.of(old.verifierKey())).verified()).isTrue();
        assertThat(note.verify(List.of(next.verifierKey())).verified()).isTrue();
    }

    @Test
    void aLogWhoseKeyIsNotNamedAfterItsOriginGetsOneBesideItAndOldCheckpointsKeepVerifying() throws Exception {
        String origin = "kyodo.example/ward/ledger-1";
        NoteSigner old = KeyDirectory.create(dir, "kyodo.example-ward");
        SignedNote before = new CheckpointSigner(origin, KeyDirectory.load(dir)).sign(5, new byte[32]);

        List<NoteSigner> signers = KeyDirectory.loadOrCreate(dir, origin);
        assertThat(signers).extracting(s -> s.verifierKey().name()).containsExactlyInAnyOrder("kyodo.example-ward",
                origin);
        assertThat(KeyDirectory.loadOrCreate(dir, origin)).as("made once").hasSize(2);
        SignedNote after = SignedNote.parse(new CheckpointSigner(origin, signers).sign(9, new byte[32]).format());
        VerifierKey named = signers.stream().map(NoteSigner::verifierKey).filter(k -> k.name().equals(origin))
                .findFirst().orElseThrow();
        assertThat(after.verify(List.of(named)).verified()).isTrue();
        assertThat(after.verify(List.of(old.verifierKey())).verified()).isTrue();

        // The old key is retired: it signs no more, its public key is still published for what it signed.
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("kyodo.example-ward")
                    && f.toString().endsWith(".key")).toList()) {
                Files.delete(file);
            }
        }
        assertThat(KeyDirectory.loadOrCreate(dir, origin)).extracting(NoteSigner::verifierKey).containsExactly(named);
        assertThat(KeyDirectory.publicKeys(dir)).containsExactlyInAnyOrder(named, old.verifierKey());
        assertThat(SignedNote.parse(before.format()).verify(KeyDirectory.publicKeys(dir)).verified()).isTrue();
    }

    @Test
    void theCheckpointPolicyWaitsForEntriesOrTime() {
        CheckpointPolicy policy = new CheckpointPolicy(100, Duration.ofSeconds(60));
        Instant t = Instant.parse("2026-11-25T00:00:00Z");
        assertThat(policy.due(0, null, 1, t)).as("the first checkpoint").isTrue();
        assertThat(policy.due(10, t, 10, t.plusSeconds(3600))).as("nothing new").isFalse();
        assertThat(policy.due(10, t, 109, t.plusSeconds(59))).isFalse();
        assertThat(policy.due(10, t, 110, t.plusSeconds(1))).as("N entries").isTrue();
        assertThat(policy.due(10, t, 11, t.plusSeconds(60))).as("T seconds").isTrue();
    }
}
