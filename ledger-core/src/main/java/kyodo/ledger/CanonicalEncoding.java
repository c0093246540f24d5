package kyodo.ledger;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The canonical bytes of a journal entry, which the chain hash and the Merkle tree cover, and the digest of
 * a request, which tells a retry from a reuse of its key. The format is specified in
 * {@code ledger-core/CANONICAL-ENCODING.md} and must never change for version 1: third parties re-implement
 * it to verify the journal.
 */
public final class CanonicalEncoding {
    public static final int FORMAT_VERSION = 1;
    public static final int HASH_BYTES = 32;
    private static final byte[] GENESIS = new byte[HASH_BYTES];

    private CanonicalEncoding() {
    }

    /** The chain hash before the first entry: 32 zero bytes. */
    public static byte[] genesisHash() {
        return GENESIS.clone();
    }

    /** The entry's canonical bytes. Its {@code hash} field is not part of them. */
    public static byte[] encode(JournalEntry entry) {
        Writer out = new Writer();
        out.u8(FORMAT_VERSION);
        out.u64(entry.ledger().value());
        out.u64(entry.sequence());
        out.u64(micros(entry.postedAt()));
        out.str(entry.key().value());
        out.str(entry.kind().code());
        out.str(entry.actor());
        out.str(entry.memo());
        out.optionalStr(entry.metadata());
        out.u8(entry.legs().size());
        for (JournalLeg leg : entry.legs()) {
            out.u8(leg.kind().letter());
            out.u64(leg.debit().value());
            out.u64(leg.credit().value());
            out.str(leg.asset().code());
            out.u64(leg.amount());
            out.u64(leg.released());
            out.u64(leg.pendingSequence());
            out.u16(leg.pendingLeg());
            out.u8(leg.expiresAt() == null ? 0 : 1);
            out.u64(leg.expiresAt() == null ? 0 : micros(leg.expiresAt()));
        }
        return out.bytes();
    }

    /** {@code SHA-256(previous || canonical bytes)}: the chain hash after an entry. */
    public static byte[] chain(byte[] previous, byte[] canonical) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(canonical);
        return sha.digest();
    }

    /** A digest of everything the caller asked for; equal requests under one key are retries. */
    public static byte[] requestDigest(EntryRequest request) {
        Writer out = new Writer();
        out.str("kyodo-request-v1");
        out.str(request.key().value());
        out.str(request.kind().code());
        out.str(request.actor());
        out.str(request.memo());
        out.optionalStr(request.metadata());
        out.u8(request.legs().size());
        for (Leg leg : request.legs()) {
            if (leg instanceof Leg.Transfer t) {
                out.u8('T');
                movement(out, t.debit(), t.credit(), t.amount());
            } else if (leg instanceof Leg.Hold h) {
                out.u8('H');
                movement(out, h.debit(), h.credit(), h.amount());
                out.u64(h.timeout() == null ? -1 : h.timeout().toNanos());
            } else if (leg instanceof Leg.PostPending p) {
                out.u8('C');
                out.str(p.pending().entry().value());
                out.u16(p.pending().leg());
                out.u64(p.amount() == null ? -1 : p.amount());
            } else {
                Leg.VoidPending v = (Leg.VoidPending) leg;
                out.u8('V');
                out.str(v.pending().entry().value());
                out.u16(v.pending().leg());
            }
        }
        return sha256().digest(out.bytes());
    }

    private static void movement(Writer out, AccountId debit, AccountId credit, Amount amount) {
        out.u64(debit.value());
        out.u64(credit.value());
        out.str(amount.asset().code());
        out.u64(amount.minor());
    }

    /** Microseconds since the epoch: the precision the journal keeps (PostgreSQL's timestamptz). */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Big-endian fixed-width integers and length-prefixed UTF-8 strings. */
    private static final class Writer {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        private final DataOutputStream out = new DataOutputStream(buffer);

        void u8(int value) {
            try {
                out.writeByte(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void u16(int value) {
            try {
                out.writeShort(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void u64(long value) {
            try {
                out.writeLong(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void str(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            try {
                out.writeInt(utf8.length);
                out.write(utf8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void optionalStr(String value) {
            u8(value == null ? 0 : 1);
            if (value != null) {
                str(value);
            }
        }

        byte[] bytes() {
            return buffer.toByteArray();
        }
    }
}
