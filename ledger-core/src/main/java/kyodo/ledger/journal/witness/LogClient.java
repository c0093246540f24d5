package kyodo.ledger.journal.witness;

import java.io.IOException;
import java.util.List;

/** What a witness asks of a log: its latest checkpoint, a consistency proof, and where to post a cosignature. */
public interface LogClient {
    /** The latest checkpoint as a signed note, as the log serves it at {@code <prefix>/checkpoint}. */
    String checkpoint() throws IOException;

    /** The RFC 9162 consistency proof from tree size {@code oldSize} to {@code newSize}. */
    List<byte[]> consistency(long oldSize, long newSize) throws IOException;

    /**
     * Posts a note holding the cosigned checkpoint's body and the witness's cosignature line; returns the log's
     * answer, for the witness's output.
     */
    String postCosignature(String cosignedNote) throws IOException;
}
