package kyodo.fund.grant;

import kyodo.fund.access.UserId;

import java.time.Instant;

/** A tranche (交付) of an award: requested by one staff member, approved by another. */
public record Disbursement(DisbursementId id, AwardId award, long amount, Status status, UserId requestedBy,
                           Instant requestedAt, UserId decidedBy, Instant decidedAt, String entryKey) {
    public enum Status { REQUESTED, APPROVED, REJECTED }

    public String key() {
        return "fund-disbursement-" + id.value();
    }
}
