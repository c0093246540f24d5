package kyodo.wallet.journal;

import kyodo.ledger.journal.checkpoint.Cosignatures;
import kyodo.ledger.journal.note.CosignerKey;
import kyodo.ledger.journal.note.NoteFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * The witnesses whose cosignatures the log accepts ({@code kyodo.journal.witnesses}): a civic group, a newspaper or
 * the neighbouring ward running {@code java -jar ledger-core.jar witness}. A vkey that does not parse stops the
 * start, with the reason: a witness silently left out would look like one that stopped cosigning.
 */
public record Witnesses(List<CosignerKey> keys) {
    public Witnesses {
        keys = List.copyOf(keys);
        if (keys.size() > Cosignatures.WITNESSES_MAX) {
            throw new IllegalArgumentException("kyodo.journal.witnesses lists " + keys.size() + " keys; at most "
                    + Cosignatures.WITNESSES_MAX);
        }
    }

    static Witnesses parse(List<String> vkeys) {
        List<CosignerKey> keys = new ArrayList<>();
        for (String vkey : vkeys) {
            try {
                keys.add(CosignerKey.parseVkey(vkey));
            } catch (NoteFormatException e) {
                throw new IllegalArgumentException("kyodo.journal.witnesses: \"" + vkey + "\" is not a witness's "
                        + "cosignature/v1 vkey: " + e.getMessage(), e);
            }
        }
        return new Witnesses(keys);
    }
}
