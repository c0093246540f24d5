package kyodo.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request to post one journal entry. Nothing is checked here so that a bad request, whatever it holds,
 * reaches the ledger and gets its result code; see {@link EntryRules} for the limits.
 *
 * @param metadata a JSON object or array as text, or {@code null}; kept byte for byte in the journal
 */
public record EntryRequest(EntryKey key, EntryKind kind, String actor, String memo, String metadata, List<Leg> legs) {
    public EntryRequest {
        legs = legs == null ? null : Collections.unmodifiableList(new ArrayList<>(legs));
    }

    public static EntryRequest of(String key, EntryKind kind, String actor, Leg... legs) {
        return new EntryRequest(new EntryKey(key), kind, actor, "", null, List.of(legs));
    }

    public EntryRequest withMemo(String newMemo) {
        return new EntryRequest(key, kind, actor, newMemo, metadata, legs);
    }

    public EntryRequest withMetadata(String newMetadata) {
        return new EntryRequest(key, kind, actor, memo, newMetadata, legs);
    }
}
